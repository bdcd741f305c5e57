// Validates Kubernetes manifests (every document of every file given) against the Kubernetes API
// schemas in two ways: kubernetes-models checks types, required fields and formats (JSON schemas
// generated from the Kubernetes OpenAPI document), and the field lists of @kubernetes/client-node's
// generated models (the OpenAPI document of its release) reject fields that do not exist, which the
// schemas alone let pass. Prints one line per document; exit 1 when any is invalid.
//   node manifests.mjs FILE...   (run from the folder that holds node_modules)
import { readFileSync } from "node:fs";
import { parseAllDocuments } from "yaml";

const modelFolder = new URL("./node_modules/@kubernetes/client-node/dist/gen/models/", import.meta.url);
const modelCache = new Map();

// The client's model class for a type name such as V1StatefulSetSpec, or null for primitives.
async function model(type) {
  if (!modelCache.has(type)) {
    let found = null;
    if (/^[A-Z][A-Za-z0-9]+$/.test(type)) {
      try {
        found = (await import(new URL(`${type}.js`, modelFolder)))[type] ?? null;
      } catch (error) {
        if (error.code !== "ERR_MODULE_NOT_FOUND") throw error;
      }
    }
    modelCache.set(type, found?.getAttributeTypeMap ? found : null);
  }
  return modelCache.get(type);
}

// Every field of value that its type does not define.
async function unknownFields(value, type, path, found) {
  if (value === null || typeof value !== "object") return found;
  let match;
  if ((match = /^Array<(.+)>$/.exec(type))) {
    if (Array.isArray(value)) {
      for (const [i, item] of value.entries()) await unknownFields(item, match[1], `${path}[${i}]`, found);
    }
    return found;
  }
  if ((match = /^\{ \[key: string\]: (.+); \}$/.exec(type))) {
    for (const [key, item] of Object.entries(value)) await unknownFields(item, match[1], `${path}.${key}`, found);
    return found;
  }
  const cls = await model(type);
  if (!cls || Array.isArray(value)) return found;
  const fields = new Map(cls.getAttributeTypeMap().map((a) => [a.baseName, a.type]));
  for (const [key, item] of Object.entries(value)) {
    if (!fields.has(key)) found.push(`${path}.${key}: no such field in ${type}`);
    else await unknownFields(item, fields.get(key), `${path}.${key}`, found);
  }
  return found;
}

// "apps/v1" + "StatefulSet" → the kubernetes-models module path and the client's class name.
function names(apiVersion, kind) {
  const [group, version] = apiVersion.includes("/") ? apiVersion.split("/") : [null, apiVersion];
  const modulePath = `kubernetes-models/${group ? `${group}/` : ""}${version}/${kind}`;
  return { modulePath, className: version[0].toUpperCase() + version.slice(1) + kind };
}

let failed = false;
for (const file of process.argv.slice(2)) {
  for (const document of parseAllDocuments(readFileSync(file, "utf8"))) {
    if (document.errors.length > 0) {
      console.log(`${file}: not YAML: ${document.errors[0].message}`);
      failed = true;
      continue;
    }
    const object = document.toJS();
    if (object === null) continue;
    const label = `${file}: ${object.kind} ${object.metadata?.name}`;
    const problems = [];
    const { modulePath, className } = names(object.apiVersion, object.kind);
    try {
      const Model = (await import(modulePath))[object.kind];
      new Model(object).validate();
    } catch (error) {
      problems.push(error.message);
    }
    if (await model(className)) await unknownFields(object, className, object.kind, problems);
    else problems.push(`no model ${className} in the client`);
    console.log(problems.length === 0 ? `${label}: valid` : `${label}: INVALID\n  ${problems.join("\n  ")}`);
    failed ||= problems.length > 0;
  }
}
process.exit(failed ? 1 : 0);
