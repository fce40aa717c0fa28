"""Bearer-token auth for the mutating endpoints, compared in constant time. The token is never echoed."""

from __future__ import annotations

import hmac


class TokenAuth:
    """Holds the expected token as bytes; `repr` and `str` never show it."""

    __slots__ = ("_token",)

    def __init__(self, token: str | None) -> None:
        self._token = token.encode("utf-8") if token else None

    @property
    def enabled(self) -> bool:
        return self._token is not None

    def accepts(self, authorization: str | None) -> bool:
        """True for `Bearer <token>` with the configured token (or for anything where auth is off)."""
        if self._token is None:
            return True
        if not authorization:
            return False
        scheme, _, credentials = authorization.strip().partition(" ")
        if scheme.lower() != "bearer":
            return False
        return hmac.compare_digest(credentials.strip().encode("utf-8"), self._token)

    def __repr__(self) -> str:
        return f"TokenAuth({'enabled' if self.enabled else 'disabled'})"

    __str__ = __repr__
