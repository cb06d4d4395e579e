#!/usr/bin/python3
"""Writes a real PNG picture of a given size (white), for tests that need one.

Usage: make_png.py WIDTH HEIGHT
The PNG goes to standard output.
"""
import struct
import sys
import zlib

width, height = int(sys.argv[1]), int(sys.argv[2])


def chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


rows = b"".join(b"\x00" + b"\xff" * width for _ in range(height))
sys.stdout.buffer.write(b"\x89PNG\r\n\x1a\n"
                        + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0))
                        + chunk(b"IDAT", zlib.compress(rows))
                        + chunk(b"IEND", b""))
