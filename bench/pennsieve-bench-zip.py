# Writes an OME-Zarr 0.5 zip for bench/pennsieve.sh: one 2-D image whose array has FILES stored chunk
# entries of random bytes, each MIN..MAX bytes long (declared zstd, so any length is a valid chunk).
#   python3 bench/pennsieve-bench-zip.py PATH FILES MIN_BYTES MAX_BYTES
import json, os, random, sys, zipfile
path, files, low, high = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
rows = max(1, min(files, 100))
cols = -(-files // rows)
group = {"zarr_format": 3, "node_type": "group", "attributes": {"ome": {"version": "0.5", "multiscales": [{
    "name": "bench",
    "axes": [{"name": "y", "type": "space", "unit": "micrometer"}, {"name": "x", "type": "space", "unit": "micrometer"}],
    "datasets": [{"path": "0", "coordinateTransformations": [{"type": "scale", "scale": [1.0, 1.0]}]}]}]}}}
array = {"zarr_format": 3, "node_type": "array", "shape": [rows * 64, cols * 64], "data_type": "uint16",
    "chunk_grid": {"name": "regular", "configuration": {"chunk_shape": [64, 64]}},
    "chunk_key_encoding": {"name": "default", "configuration": {"separator": "/"}}, "fill_value": 0,
    "codecs": [{"name": "bytes", "configuration": {"endian": "little"}}, {"name": "zstd", "configuration": {"level": 0}}],
    "dimension_names": ["y", "x"]}
rng = random.Random(1)
block = os.urandom(high)
with zipfile.ZipFile(path, "w", zipfile.ZIP_STORED, allowZip64=True) as z:
    z.writestr("bench.zarr/zarr.json", json.dumps(group))
    z.writestr("bench.zarr/0/zarr.json", json.dumps(array))
    for n in range(files):
        size = rng.randint(low, high)
        start = rng.randint(0, high - size)
        # Big chunks get fresh bytes; small ones a random slice of one block (cheap, still incompressible).
        z.writestr(f"bench.zarr/0/c/{n // cols}/{n % cols}", os.urandom(size) if size > (1 << 20) else block[start:start + size])
