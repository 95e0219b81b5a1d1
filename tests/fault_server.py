"""A real OpenAI-compatible HTTP server on 127.0.0.1 that answers from a script.

Fault tests need the transport to fail for real (status codes, headers, a
socket that never answers), which a mocked client cannot show. Each request
takes the next scripted :class:`Reply` (the last one repeats), or a
``responder`` builds one from the request body.

Besides a status and a body a reply can be an HTML page (``content_type``),
drip its body a few bytes at a time (``drip``), stream a huge body that is
never built in memory (``huge``), or echo the request's bearer key into its
body (``echo_key``: ``{key}`` in the body is replaced), as hostile or broken
servers do.
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
    content_type: str = "application/json"
    #: (bytes per write, seconds between writes): the body arrives slowly, never stalling long.
    drip: tuple[int, float] | None = None
    #: A body of this many bytes (a JSON prefix, then spaces), streamed in 1 MiB writes.
    huge: int | None = None
    echo_key: bool = False
    #: False: no content-length, the body ends when the connection closes (a limit must count, not trust).
    send_length: bool = True


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
                if reply.echo_key:
                    key = self.headers.get("authorization", "").removeprefix("Bearer ")
                    data = data.replace(b"{key}", key.encode())
                try:
                    self.send_response(reply.status)
                    self.send_header("content-type", reply.content_type)
                    if reply.send_length:
                        self.send_header("content-length", str(reply.huge or len(data)))
                    for k, v in reply.headers.items():
                        self.send_header(k, v)
                    self.end_headers()
                    self._write_body(reply, data)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up (timeout and size-limit tests)

            def _write_body(self, reply: Reply, data: bytes) -> None:
                if reply.huge is not None:
                    self.wfile.write(data)
                    block, left = b" " * (1 << 20), reply.huge - len(data)
                    while left > 0 and not server._stop.is_set():
                        self.wfile.write(block[:left])
                        left -= len(block)
                elif reply.drip is not None:
                    size, pause = reply.drip
                    for at in range(0, len(data), size):
                        if server._stop.wait(pause):
                            return
                        self.wfile.write(data[at : at + size])
                        self.wfile.flush()
                else:
                    self.wfile.write(data)

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
