# Writes the OME-Zarr 0.5 zip of the zarr benchmarks: one 2-D image whose array has CHUNKS stored
# chunk entries of 64 bytes.   python3 bench/zarr-bench-zip.py PATH CHUNKS
import json, sys, zipfile
path, chunks = sys.argv[1], int(sys.argv[2])
rows = 1000
cols = max(1, chunks // rows)
group = {"zarr_format": 3, "node_type": "group", "attributes": {"ome": {"version": "0.5", "multiscales": [{
    "name": "bench",
    "axes": [{"name": "y", "type": "space", "unit": "micrometer"}, {"name": "x", "type": "space", "unit": "micrometer"}],
    "datasets": [{"path": "0", "coordinateTransformations": [{"type": "scale", "scale": [1.0, 1.0]}]}]}]}}}
array = {"zarr_format": 3, "node_type": "array", "shape": [rows * 32, cols * 32], "data_type": "uint16",
    "chunk_grid": {"name": "regular", "configuration": {"chunk_shape": [32, 32]}},
    "chunk_key_encoding": {"name": "default", "configuration": {"separator": "/"}}, "fill_value": 0,
    "codecs": [{"name": "bytes", "configuration": {"endian": "little"}}, {"name": "zstd", "configuration": {"level": 0}}],
    "dimension_names": ["y", "x"]}
payload = bytes(64)
with zipfile.ZipFile(path, "w", zipfile.ZIP_STORED) as z:
    z.writestr("zarr.json", json.dumps(group))
    z.writestr("0/zarr.json", json.dumps(array))
    for r in range(rows):
        for c in range(cols):
            z.writestr(f"0/c/{r}/{c}", payload)
