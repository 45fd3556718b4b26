"""factcheck: offline-first claim verification for newsrooms.

Importing the package loads no model. It only makes sure nothing in the stack reaches the network
(Haystack telemetry off, the Hugging Face libraries held offline, unless the user explicitly asked
otherwise) and that torch's threads wait politely.
"""

import os

os.environ.setdefault("HAYSTACK_TELEMETRY_ENABLED", "False")
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
# torch's OpenMP threads otherwise spin while waiting: on a small machine doing anything else, one short
# query then takes ~0.5 s instead of ~20 ms. Must be set before torch is first imported.
os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")

__version__ = "0.1.0"
