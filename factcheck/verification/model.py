"""The verdict model: a 3-way claim-evidence cross-encoder shipped as a small delta over the packaged base.

The body is the packaged all-MiniLM-L6-v2 (``factcheck.corpus.encoder``, checked by hash). Training
fine-tunes only its top layers and a small classification head; the shipped folder
``factcheck/models/verifier/`` holds just those (float16 safetensors), a ``config.json`` (layers trained,
pooling, max length, temperature, label order) and a ``manifest.json`` with the sha256 of every file.
Loading refuses any file whose hash differs.

Input is a pair ``(claim, evidence)`` tokenised claim first, the evidence truncated to fit ``max_tokens``.
Output: probabilities over ``LABELS`` = entails / contradicts / neither, temperature-scaled (calibrated on a
held-out dev split).
"""

from __future__ import annotations

import json
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import numpy as np

from factcheck.corpus.encoder import (
    WEIGHTS_SHA256,
    BertConfig,
    batch_tensors,
    build_bert,
    load_bert,
    load_tokenizer,
    model_dir,
    sha256_file,
)
from factcheck.errors import ModelError

LABELS = ("entails", "contradicts", "neither")
ENTAILS, CONTRADICTS, NEITHER = range(3)
MODEL_FOLDER = Path(__file__).resolve().parent.parent / "models" / "verifier"
DELTA_FILE = "delta.safetensors"
CONFIG_FILE = "config.json"
MANIFEST_FILE = "manifest.json"
FORMAT_VERSION = 1


@dataclass(frozen=True)
class VerifierConfig:
    """What a trained delta needs to be rebuilt on top of the base model."""

    trained_layers: int = 3
    pooling: str = "mean"
    max_tokens: int = 128
    temperature: float = 1.0
    labels: tuple[str, ...] = LABELS
    base_sha256: str = WEIGHTS_SHA256
    version: str = "dev"
    format: int = FORMAT_VERSION

    def to_dict(self) -> dict[str, Any]:
        return {
            "trained_layers": self.trained_layers,
            "pooling": self.pooling,
            "max_tokens": self.max_tokens,
            "temperature": self.temperature,
            "labels": list(self.labels),
            "base_sha256": self.base_sha256,
            "version": self.version,
            "format": self.format,
        }

    @classmethod
    def from_dict(cls, raw: dict[str, Any]) -> VerifierConfig:
        known = {k: raw[k] for k in cls.__dataclass_fields__ if k in raw}
        if "labels" in known:
            known["labels"] = tuple(known["labels"])
        return cls(**known)


def build_network(config: VerifierConfig, bert=None):
    """The cross-encoder module: the base BERT, pooling and a two-layer head producing 3 logits."""
    import torch
    from torch import nn

    if config.pooling not in {"mean", "cls"}:
        raise ModelError(f"unknown pooling {config.pooling!r}")
    body = bert if bert is not None else build_bert(BertConfig.from_folder(model_dir()))

    class CrossEncoder(nn.Module):
        """(input_ids, attention_mask, token_type_ids) -> logits (B, 3)."""

        def __init__(self) -> None:
            super().__init__()
            self.bert = body
            hidden = body.embeddings.word_embeddings.embedding_dim
            self.head = nn.Sequential(
                nn.Dropout(0.1), nn.Linear(hidden, hidden), nn.Tanh(), nn.Dropout(0.1), nn.Linear(hidden, 3)
            )
            self.trained_layers = config.trained_layers

        def lower(self, input_ids, attention_mask, token_type_ids):
            """States below the trained layers (frozen: callers may run this under no_grad)."""
            hidden = self.bert.embeddings(input_ids, token_type_ids)
            mask = (1.0 - attention_mask[:, None, None, :].to(hidden.dtype)) * torch.finfo(hidden.dtype).min
            layers = self.bert.encoder.layer
            for layer in layers[: len(layers) - self.trained_layers]:
                hidden = layer(hidden, mask)
            return hidden, mask

        def upper(self, hidden, mask, attention_mask):
            layers = self.bert.encoder.layer
            for layer in layers[len(layers) - self.trained_layers :]:
                hidden = layer(hidden, mask)
            if config.pooling == "cls":
                pooled = hidden[:, 0]
            else:
                weights = attention_mask.unsqueeze(-1).to(hidden.dtype)
                pooled = (hidden * weights).sum(1) / weights.sum(1).clamp(min=1e-9)
            return self.head(pooled)

        def forward(self, input_ids, attention_mask, token_type_ids):
            hidden, mask = self.lower(input_ids, attention_mask, token_type_ids)
            return self.upper(hidden, mask, attention_mask)

        def delta_state(self) -> dict[str, Any]:
            """The trained parameters only: top layers and head."""
            total = len(self.bert.encoder.layer)
            keep = tuple(f"bert.encoder.layer.{i}." for i in range(total - self.trained_layers, total))
            return {k: v for k, v in self.state_dict().items() if k.startswith(keep) or k.startswith("head.")}

    return CrossEncoder()


def read_manifest(folder: Path) -> dict[str, str]:
    """``{file name: sha256}`` of a model folder."""
    path = folder / MANIFEST_FILE
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        files = raw["files"]
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise ModelError(f"verdict model manifest missing or unreadable: {path}") from exc
    if not isinstance(files, dict) or DELTA_FILE not in files or CONFIG_FILE not in files:
        raise ModelError(f"verdict model manifest incomplete: {path}")
    return {str(k): str(v) for k, v in files.items()}


def check_folder(folder: Path) -> VerifierConfig:
    """Verify every file listed in the manifest by sha256 and return the model config."""
    for name, expected in read_manifest(folder).items():
        path = folder / name
        if not path.is_file():
            raise ModelError(f"verdict model file missing: {path}")
        actual = sha256_file(path)
        if actual != expected:
            raise ModelError(
                f"{path}: sha256 {actual[:12]}... does not match the manifest's {expected[:12]}..."
            )
    try:
        config = VerifierConfig.from_dict(json.loads((folder / CONFIG_FILE).read_text(encoding="utf-8")))
    except (ValueError, TypeError) as exc:
        raise ModelError(f"verdict model config unreadable: {folder / CONFIG_FILE}") from exc
    if config.format > FORMAT_VERSION:
        raise ModelError(f"verdict model format {config.format} is newer than this factcheck supports")
    if config.base_sha256 != WEIGHTS_SHA256:
        raise ModelError("verdict model was trained on a different base model (base sha256 differs)")
    if tuple(config.labels) != LABELS:
        raise ModelError(f"verdict model label order {config.labels} is not {LABELS}")
    return config


def save_model(network, config: VerifierConfig, folder: Path) -> dict[str, str]:
    """Write the delta (float16), the config and the manifest; returns ``{file: sha256}``."""
    from safetensors.torch import save_file

    folder.mkdir(parents=True, exist_ok=True)
    state = {k: v.detach().to("cpu").half().contiguous() for k, v in network.delta_state().items()}
    save_file(state, str(folder / DELTA_FILE), metadata={"format": str(FORMAT_VERSION)})
    (folder / CONFIG_FILE).write_text(json.dumps(config.to_dict(), indent=2) + "\n", encoding="utf-8")
    hashes = {name: sha256_file(folder / name) for name in (DELTA_FILE, CONFIG_FILE)}
    manifest = {"files": hashes, "base_model": "sentence-transformers/all-MiniLM-L6-v2"}
    (folder / MANIFEST_FILE).write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
    return hashes


class VerifierModel:
    """Loads the shipped delta once and scores (claim, evidence) pairs in length-sorted batches."""

    def __init__(self, folder: Path | None = None) -> None:
        self.folder = Path(folder) if folder is not None else MODEL_FOLDER
        self.config: VerifierConfig | None = None
        self._network = None
        self._tokenizer = None
        self._lock = threading.Lock()

    def warm_up(self) -> None:
        """Check hashes, build the base model and apply the delta (once)."""
        with self._lock:
            if self._network is not None:
                return
            config = check_folder(self.folder)
            from safetensors.torch import load_file

            network = build_network(config, load_bert())
            delta = {k: v.float() for k, v in load_file(str(self.folder / DELTA_FILE)).items()}
            expected = set(network.delta_state())
            if set(delta) != expected:
                raise ModelError(f"verdict model delta does not fit the network ({self.folder / DELTA_FILE})")
            network.load_state_dict(delta, strict=False)
            network.eval()
            self._tokenizer = load_tokenizer(max_tokens=config.max_tokens)
            self.config = config
            self._network = network

    def logits(self, pairs: Sequence[tuple[str, str]], batch_size: int = 32) -> np.ndarray:
        """Raw logits (n, 3) for ``(claim, evidence)`` pairs, in input order."""
        import torch

        self.warm_up()
        out = np.zeros((len(pairs), len(LABELS)), dtype=np.float32)
        if not pairs:
            return out
        # Sorting by length keeps padding small inside each batch.
        order = sorted(range(len(pairs)), key=lambda i: len(pairs[i][0]) + len(pairs[i][1]))
        with torch.inference_mode():
            for begin in range(0, len(order), batch_size):
                chunk = order[begin : begin + batch_size]
                encodings = self._tokenizer.encode_batch([(pairs[i][0], pairs[i][1]) for i in chunk])
                ids, mask, types = batch_tensors(encodings)
                out[chunk] = self._network(ids, mask, types).float().numpy()
        return out

    def predict_proba(self, pairs: Sequence[tuple[str, str]], batch_size: int = 32) -> np.ndarray:
        """Calibrated probabilities (n, 3) over ``LABELS`` (temperature from the model config)."""
        logits = self.logits(pairs, batch_size=batch_size)
        assert self.config is not None
        return softmax(logits / self.config.temperature)


def softmax(logits: np.ndarray) -> np.ndarray:
    """Row-wise softmax, numerically stable."""
    shifted = logits - logits.max(axis=-1, keepdims=True)
    exp = np.exp(shifted)
    return exp / exp.sum(axis=-1, keepdims=True)


@cache
def shared_verifier_model() -> VerifierModel:
    """One verdict model per process."""
    return VerifierModel()
