"""A Bloom filter whose bit array is one Redis string (SETBIT/GETBIT), shared by every worker.

Debian's redis-server has no RedisBloom module, so the bits are set by a Lua script: one round trip checks and
sets the `k` bits of a fingerprint atomically, and answers whether any was new. The positions are computed
here (double hashing over 128 bits of BLAKE2b, Kirsch & Mitzenmacher 2006), so the script stays trivial.

The size is fixed when the filter is made: `m` bits for `capacity` fingerprints at `error_rate`, whatever is
added later. A filter filled past its capacity answers "seen" more often; nothing else degrades.
"""

from __future__ import annotations

import hashlib
import math
from dataclasses import dataclass

# Sets the bits at ARGV (positions); returns 1 if any was 0 (the fingerprint is new), else 0.
CHECK_AND_SET = """
local new = 0
for i = 1, #ARGV do
  if redis.call('SETBIT', KEYS[1], ARGV[i], 1) == 0 then new = 1 end
end
return new
"""

# Whether every bit at ARGV is set (maybe seen: 1) or not (certainly new: 0); changes nothing.
CHECK = """
for i = 1, #ARGV do
  if redis.call('GETBIT', KEYS[1], ARGV[i]) == 0 then return 0 end
end
return 1
"""


@dataclass(frozen=True, slots=True)
class BloomSpec:
    """`bits` (m) and `hashes` (k) of a filter: the optimum for `capacity` items at `error_rate`."""

    capacity: int
    error_rate: float
    bits: int
    hashes: int

    @classmethod
    def for_capacity(cls, capacity: int, error_rate: float) -> BloomSpec:
        if capacity < 1 or not 0.0 < error_rate < 1.0:
            raise ValueError(
                f"a Bloom filter needs capacity >= 1 and 0 < error_rate < 1, not {capacity}, {error_rate}"
            )
        bits = math.ceil(-capacity * math.log(error_rate) / math.log(2) ** 2)
        hashes = max(1, round(bits / capacity * math.log(2)))
        return cls(capacity, error_rate, bits, hashes)

    @property
    def size_bytes(self) -> int:
        """The bit array's size: what the Redis string holds once its last bit is set."""
        return (self.bits + 7) // 8

    def expected_error(self, items: int) -> float:
        """The false-positive rate after `items` insertions: (1 - e^(-kn/m))^k."""
        return float((1.0 - math.exp(-self.hashes * items / self.bits)) ** self.hashes)

    def positions(self, fingerprint: bytes) -> list[int]:
        """The `k` bit positions of a fingerprint."""
        digest = hashlib.blake2b(fingerprint, digest_size=16).digest()
        h1 = int.from_bytes(digest[:8], "little")
        h2 = int.from_bytes(digest[8:], "little") | 1
        return [(h1 + i * h2) % self.bits for i in range(self.hashes)]


class LocalBloom:
    """The same filter in a `bytearray`, for measuring false-positive rates without a server."""

    def __init__(self, spec: BloomSpec) -> None:
        self.spec = spec
        self.array = bytearray(spec.size_bytes)

    def add(self, fingerprint: bytes) -> bool:
        """Set the fingerprint's bits; True if any was new (as `CHECK_AND_SET`)."""
        new = False
        array = self.array
        for pos in self.spec.positions(fingerprint):
            byte, bit = divmod(pos, 8)
            mask = 0x80 >> bit  # Redis numbers bits from the most significant bit of byte 0
            if not array[byte] & mask:
                array[byte] |= mask
                new = True
        return new

    def __contains__(self, fingerprint: bytes) -> bool:
        return all(self.array[p >> 3] & (0x80 >> (p & 7)) for p in self.spec.positions(fingerprint))
