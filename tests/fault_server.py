"""A real OpenAI-compatible HTTP server on 127.0.0.1 that answers from a script.

Fault tests need the transport to fail for real (status codes, headers, a
socket that never answers), which a mocked client cannot show. Each request
takes the next scripted :class:`Reply` (the last one repeats), or a
``responder`` builds one from the request body.
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

__all__ = ["FaultServer", "Reply", "completion", "tool_reply"]


@dataclass
class Reply:
    """One scripted answer: a status, a JSON (or raw) body, headers, and an optional delay before it."""

    status: int = 200
    body: Any = None
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0


def completion(
    *, content: str | None = None, tool_args: str | None = None, usage: tuple[int, int] = (100, 20),
    finish_reason: str = "stop",
) -> dict[str, Any]:  # fmt: skip
    """A chat.completion body: a forced tool call (``tool_args``) or plain ``content``."""
    message: dict[str, Any] = {"role": "assistant", "content": content}
    if tool_args is not None:
        message["tool_calls"] = [
            {"id": "call_1", "type": "function", "function": {"name": "ArticleClaims", "arguments": tool_args}}
        ]
    prompt, completion_tokens = usage
    return {
        "id": "chatcmpl-fault",
        "object": "chat.completion",
        "created": 0,
        "model": "fault",
        "choices": [{"index": 0, "message": message, "finish_reason": finish_reason}],
        "usage": {
            "prompt_tokens": prompt,
            "completion_tokens": completion_tokens,
            "total_tokens": prompt + completion_tokens,
        },
    }


def tool_reply(claims: list[dict[str, Any]], usage: tuple[int, int] = (100, 20), **kw: Any) -> Reply:
    """A 200 whose tool call proposes ``claims``."""
    return Reply(body=completion(tool_args=json.dumps({"claims": claims}), usage=usage), **kw)


class FaultServer:
    """Serve scripted replies on a free loopback port, recording each request's body, headers and arrival time."""

    def __init__(
        self, replies: Sequence[Reply] = (), responder: Callable[[dict[str, Any]], Reply] | None = None
    ) -> None:
        self._replies = list(replies)
        self._responder = responder
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self.requests: list[dict[str, Any]] = []
        self.headers: list[dict[str, str]] = []
        self.times: list[float] = []
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                raw = self.rfile.read(int(self.headers.get("content-length") or 0))
                body = json.loads(raw or b"{}")
                with server._lock:
                    server.requests.append(body)
                    server.times.append(time.monotonic())
                    server.headers.append({k.lower(): v for k, v in self.headers.items()})
                    reply = server._next(body)
                if reply.delay and server._stop.wait(reply.delay):
                    return
                data = reply.body if isinstance(reply.body, (bytes, str)) else json.dumps(reply.body)
                data = data.encode() if isinstance(data, str) else data
                try:
                    self.send_response(reply.status)
                    self.send_header("content-type", "application/json")
                    self.send_header("content-length", str(len(data)))
                    for k, v in reply.headers.items():
                        self.send_header(k, v)
                    self.end_headers()
                    self.wfile.write(data)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up (timeout tests)

            def log_message(self, format: str, *args: Any) -> None:
                pass

        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._httpd.daemon_threads = True
        self._thread = threading.Thread(target=self._httpd.serve_forever, daemon=True)

    def _next(self, body: dict[str, Any]) -> Reply:
        if self._responder is not None:
            return self._responder(body)
        if len(self._replies) > 1:
            return self._replies.pop(0)
        return self._replies[0]

    @property
    def base_url(self) -> str:
        host, port = self._httpd.server_address[:2]
        return f"http://{host}:{port}/v1"

    def __enter__(self) -> FaultServer:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._httpd.shutdown()
        self._httpd.server_close()
        self._thread.join(timeout=5)
