"""factcheck: offline-first claim verification for newsrooms.

Importing the package loads no model. It only makes sure nothing in the stack reaches the network:
Haystack telemetry is switched off and the Hugging Face libraries are held offline unless the user
explicitly asked otherwise.
"""

import os

os.environ.setdefault("HAYSTACK_TELEMETRY_ENABLED", "False")
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")

__version__ = "0.1.0"
