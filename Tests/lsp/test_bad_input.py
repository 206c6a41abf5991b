"""Bad input on the wire, written raw (a real client would not send it): the server answers
with JSON-RPC errors where the protocol says so and exits when its input closes."""

import json
import subprocess

from conftest import APPRAISE, ROOT


def frame(payload: bytes) -> bytes:
    return b"Content-Length: %d\r\n\r\n" % len(payload) + payload


def message(obj) -> bytes:
    return frame(json.dumps(obj).encode())


def read_messages(data: bytes):
    messages = []
    while data:
        header, _, rest = data.partition(b"\r\n\r\n")
        length = int(header.split(b":")[1])
        messages.append(json.loads(rest[:length]))
        data = rest[length:]
    return messages


def run_server(stdin: bytes, timeout: float = 60):
    process = subprocess.run(
        [APPRAISE, "lsp", "--debounce", "10"], input=stdin, capture_output=True, cwd=ROOT, timeout=timeout
    )
    return process.returncode, read_messages(process.stdout)


INITIALIZE = message({"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"capabilities": {}}})


def test_malformed_json_unknown_method_and_a_lying_content_length():
    stdin = (
        INITIALIZE
        + frame(b"{not json")
        + message({"jsonrpc": "2.0", "id": 2, "method": "no/such", "params": {}})
        + message({"jsonrpc": "2.0", "method": "no/such/notification", "params": {}})
        + b"Content-Length: 5\r\n\r\n" + json.dumps({"jsonrpc": "2.0", "id": 3, "method": "shutdown"}).encode()
        + message({"jsonrpc": "2.0", "id": 4, "method": "shutdown"})
        + message({"jsonrpc": "2.0", "method": "exit"})
    )
    status, messages = run_server(stdin)
    errors = [m["error"]["code"] for m in messages if "error" in m]
    assert errors == [-32700, -32601, -32700]
    assert messages[1]["id"] is None
    assert messages[2]["id"] == 2
    assert messages[-1] == {"jsonrpc": "2.0", "id": 4, "result": None}
    assert status == 0


def test_a_client_that_hangs_up_without_shutdown():
    status, messages = run_server(INITIALIZE)
    assert messages[0]["id"] == 1
    assert status == 1


def test_a_change_for_a_document_never_opened():
    change = message({
        "jsonrpc": "2.0", "method": "textDocument/didChange",
        "params": {"textDocument": {"uri": "file:///never/opened.yaml", "version": 2}, "contentChanges": [{"text": "x"}]},
    })
    status, messages = run_server(INITIALIZE + change + message({"jsonrpc": "2.0", "id": 2, "method": "shutdown"}))
    assert [m.get("id") for m in messages] == [1, 2]
    assert status == 0  # input closed after shutdown: a clean end, as after exit
