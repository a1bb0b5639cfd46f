"""Writes the feature-file fixtures that FeatureFilesTest reads.

Run once from this folder with Python 3 and numpy (used: numpy 2.4.6):
    python3 make_fixtures.py
Every matrix is 5 x 3. Element k = row * 3 + column is
    float types:   (k - 7) * 0.25           (exact in float16, bfloat16 and float32)
    float64 (f8):  (k - 7) * 0.25 + 0.1     (tests the narrowing to float32)
    signed ints:   k - 7 plus an offset per type, unsigned ints: k plus an offset per type
so that the test computes each expected value from its row and column.
"""
import json
import struct
import zipfile

import numpy as np

ROWS, COLUMNS = 5, 3
K = np.arange(ROWS * COLUMNS).reshape(ROWS, COLUMNS)
QUARTERS = (K - 7) * 0.25
TENTHS = (K - 7) * 0.25 + 0.1

SIGNED_OFFSETS = {"i1": 0, "i2": -30000, "i4": -2_000_000_000, "i8": -(2**62)}
UNSIGNED_OFFSETS = {"u1": 240, "u2": 65520, "u4": 2**32 - 16, "u8": 2**64 - 16}


def save(name, array):
    np.save(name, array, allow_pickle=False)


def write_version(name, array, version):
    with open(name, "wb") as f:
        np.lib.format.write_array(f, array, version=version)


def write_raw_npy(name, header_dict_text, data):
    """Writes a version 1.0 .npy file with a header exactly as given."""
    header = header_dict_text.encode("latin1")
    padding = 64 - (10 + len(header) + 1) % 64
    header += b" " * padding + b"\n"
    with open(name, "wb") as f:
        f.write(b"\x93NUMPY\x01\x00" + struct.pack("<H", len(header)) + header + data)


def bfloat16_bytes(array):
    """Truncates float32 values to their upper 16 bits, little-endian."""
    bits = np.ascontiguousarray(array, dtype="<f4").view("<u4") >> 16
    return bits.astype("<u2").tobytes()


def write_safetensors(name, tensors, metadata=None):
    """tensors: list of (key, dtype, shape, raw little-endian bytes)."""
    header = {}
    if metadata is not None:
        header["__metadata__"] = metadata
    offset = 0
    for key, dtype, shape, raw in tensors:
        header[key] = {"dtype": dtype, "shape": list(shape), "data_offsets": [offset, offset + len(raw)]}
        offset += len(raw)
    text = json.dumps(header).encode("utf-8")
    text += b" " * (-len(text) % 8)
    with open(name, "wb") as f:
        f.write(struct.pack("<Q", len(text)) + text)
        for _, _, _, raw in tensors:
            f.write(raw)


# Floating-point dtypes, both byte orders, C and Fortran order.
save("f4_le.npy", QUARTERS.astype("<f4"))
save("f4_be.npy", QUARTERS.astype(">f4"))
save("f8_le.npy", TENTHS.astype("<f8"))
save("f8_be.npy", TENTHS.astype(">f8"))
save("f2_le.npy", QUARTERS.astype("<f2"))
save("f4_le_fortran.npy", np.asfortranarray(QUARTERS.astype("<f4")))
save("f8_be_fortran.npy", np.asfortranarray(TENTHS.astype(">f8")))

# Integer and bool dtypes.
for code, offset in SIGNED_OFFSETS.items():
    save(f"{code}.npy", (K.astype(object) - 7 + offset).astype("<" + code))
for code, offset in UNSIGNED_OFFSETS.items():
    save(f"{code}.npy", (K.astype(object) + offset).astype("<" + code))
save("i4_be.npy", (K - 7).astype(">i4"))
save("bool.npy", K % 2 == 1)

# Format versions 2.0 and 3.0, and a Python 2 header with long-integer suffixes.
write_version("version2.npy", QUARTERS.astype("<f4"), (2, 0))
write_version("version3.npy", QUARTERS.astype("<f4"), (3, 0))
write_raw_npy(
    "python2_header.npy",
    "{'descr': '<f4', 'fortran_order': False, 'shape': (5L, 3L), }",
    QUARTERS.astype("<f4").tobytes(),
)

# Arrays that are not feature matrices or not numeric.
np.save("object.npy", np.array([{"a": 1}, None, "text"], dtype=object), allow_pickle=True)
save("structured.npy", np.zeros(3, dtype=[("a", "<f4"), ("b", "<f8")]))
save("complex.npy", np.zeros((2, 2), dtype="<c8"))
save("strings.npy", np.array([["ab", "cd"]]))
save("one_d.npy", np.arange(5, dtype="<f4"))
save("three_d.npy", np.zeros((2, 3, 4), dtype="<f4"))
save("scalar.npy", np.float32(1.5))
save("zero_rows.npy", np.zeros((0, 3), dtype="<f4"))

# Values that a feature matrix must not contain.
with_nan = QUARTERS.astype("<f4")
with_nan[2, 1] = np.nan
save("nan.npy", with_nan)
with_inf = TENTHS.astype("<f8")
with_inf[3, 0] = -np.inf
save("inf.npy", with_inf)
too_large = TENTHS.astype("<f8")
too_large[1, 2] = 1e300
save("float32_overflow.npy", too_large)

# npz archives: several arrays stored, one array stored, several deflated, zip64 records.
train = QUARTERS.astype("<f4")
test = np.asfortranarray(TENTHS.astype(">f8"))
gen = (K - 7).astype("<i2")[:4]
np.savez("several.npz", train=train, test=test, gen=gen)
np.savez("single.npz", train)
np.savez_compressed("several_compressed.npz", train=train, test=test, gen=gen)
np.savez("with_one_d.npz", train=train, labels=np.arange(5))
with zipfile.ZipFile("zip64.npz", "w", compression=zipfile.ZIP_DEFLATED, allowZip64=True) as z:
    with z.open("train.npy", "w", force_zip64=True) as entry:
        np.lib.format.write_array(entry, train)

# safetensors: one F32 tensor; F16, BF16, F32, F64 with metadata; unsupported dtype and shape.
write_safetensors("single.safetensors", [("train", "F32", (5, 3), train.tobytes())])
write_safetensors(
    "several.safetensors",
    [
        ("half", "F16", (5, 3), QUARTERS.astype("<f2").tobytes()),
        ("brain", "BF16", (5, 3), bfloat16_bytes(QUARTERS)),
        ("single", "F32", (5, 3), QUARTERS.astype("<f4").tobytes()),
        ("double", "F64", (5, 3), TENTHS.astype("<f8").tobytes()),
    ],
    metadata={"format": "pt"},
)
write_safetensors(
    "unsupported.safetensors",
    [
        ("counts", "I32", (5, 3), K.astype("<i4").tobytes()),
        ("flat", "F32", (15,), train.tobytes()),
    ],
)
