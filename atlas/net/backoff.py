"""How long to wait before trying a request again: exponential backoff with jitter, and Retry-After.

Shared by the link checker and the GitHub client. Waiting is injected (`sleep`) and delays are
computed by plain functions, so tests run the whole retry logic without waiting.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from email.utils import parsedate_to_datetime

Sleep = Callable[[float], Awaitable[None]]  # asyncio.sleep, or a test's stand-in that records delays instead of waiting


@dataclass
class Backoff:
    """Delay before retry number `attempt` (1 = the first retry): base * 2^(attempt-1), capped, with jitter.

    "Equal jitter": half the delay is fixed and half random, so clients that failed together do not
    all come back at the same moment, yet each still waits a meaningful time.
    """

    base: float = 1.0
    cap: float = 30.0
    rng: random.Random = field(default_factory=random.Random)

    def delay(self, attempt: int) -> float:
        ceiling = min(self.cap, self.base * 2 ** max(0, attempt - 1))
        return ceiling / 2 + self.rng.uniform(0, ceiling / 2)


def parse_retry_after(value: str | None, now: dt.datetime | None = None) -> float | None:
    """Seconds to wait from a Retry-After header (delta-seconds or an HTTP date), or None if absent or unreadable."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=dt.UTC)
    now = now or dt.datetime.now(dt.UTC)
    return max(0.0, (when - now).total_seconds())
