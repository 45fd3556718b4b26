"""Money: currencies from symbols, codes and names around a figure."""

from __future__ import annotations

import pytest

from tests.rules.helpers import cases, one


@pytest.mark.parametrize("case", cases("money"))
def test_currencies_from_symbols_codes_and_names(case):
    text, currency = case["text"], case["currency"]
    q = one(text)
    assert q.unit_class == "money" and q.currency == currency and q.value == pytest.approx(70e6)
