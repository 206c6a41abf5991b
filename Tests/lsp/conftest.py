"""pytest-lsp fixtures: `appraise lsp` started as a real LSP client would start it."""

import os
import pathlib
import shutil

import pytest
import pytest_lsp
from lsprotocol import types
from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities

ROOT = pathlib.Path(__file__).resolve().parents[2]
APPRAISE = os.environ.get("APPRAISE", str(ROOT / ".build" / "debug" / "appraise"))


@pytest_lsp.fixture(
    config=ClientServerConfig(server_command=[APPRAISE, "lsp", "--debounce", "50"]),
)
async def client(lsp_client: LanguageClient):
    await lsp_client.initialize_session(
        types.InitializeParams(
            capabilities=client_capabilities("visual-studio-code"),
            root_uri=ROOT.as_uri(),
        )
    )
    yield
    await lsp_client.shutdown_session()


@pytest.fixture
def rules_copy(tmp_path):
    """A copy of the shipped rules/, so a test can add a rule file without touching the repo."""
    target = tmp_path / "rules"
    shutil.copytree(ROOT / "rules", target)
    return target
