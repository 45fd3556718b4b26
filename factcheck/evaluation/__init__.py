"""Evaluation against labelled claims: data set readers, metrics, the runner and reports.

``factcheck eval`` is built from these modules: ``datasets`` (native JSONL and public benchmark
adapters), ``runner`` (oracle and index modes, with injected verification and search functions),
``metrics`` (accuracy, macro-F1, per-class scores, confusion, ECE, recall@k, evidence-aware accuracy),
``report`` (JSON, rich tables, Markdown, plots) and ``evaluate`` (the use case the command calls).
"""
