"""Splitting one sentence into atomic claims, by hand-written rules over words and punctuation.

What is split, in this order:

1. independent clauses joined by ``;``;
2. non-restrictive appositives (``Xiaomi, the second-largest smartphone maker, will ...`` gives the extra
   claim ``Xiaomi is the second-largest smartphone maker``) and subject relative clauses
   (``Deepmotion, which develops ..., ...`` gives ``Deepmotion develops ...``), which are cut out of the main
   clause;
3. coordinated clauses (``..., and the plant will ...``), coordinated verb phrases sharing the subject
   (``Xiaomi bought X and plans Y`` gives ``Xiaomi plans Y``) and lists of figures sharing the verb
   (``a team of 300 employees and 8.5 billion euros of funding`` gives one claim per figure);
4. closing additions (``..., including X and Y``, ``..., particularly in X``), a noun's modifiers and its
   phrase (``a Java-based library for X``), closing adjective phrases (``..., capable of X``), which are cut
   out like appositives; two coordinated objects (``a degree from A and a doctorate from B``, ``similar to
   A or B``), participles sharing "be" and lists after "including" or "such as";
5. whole-clause shapes: a list after a colon (``Its albums are: A, B and C``), a subject listing common
   nouns (``Its temperature, size and luminosity are ...``) and an identification (``One scholar who has
   served as chair is Ming Zhou``).

Names with "and" but no determiner (``Procter and Gamble``), words in quotes or parentheses, ranges
(``between A and B``) and numbers joined by "or" are not split.

Every piece keeps a *source span* in the sentence. Spans of the pieces of one sentence never partly overlap:
the pieces of a coordination cover disjoint stretches, and an appositive's or relative clause's span lies
inside the span of the clause it was cut from (whose text no longer states it). So each figure of the
sentence is stated by exactly one piece among those whose span contains it.

The rules live in modules by job: :mod:`.sentence` drives them (clauses, labels, re-splitting); :mod:`.pieces`
and :mod:`.words` hold what they share, :mod:`.subjects` finds a clause's parts; :mod:`.appositives`,
:mod:`.relatives`, :mod:`.names`, :mod:`.predicates`, :mod:`.participles` and :mod:`.additions` read the facts
a clause states besides its main line; :mod:`.coordination` splits it at its conjunctions with the rules of
:mod:`.coordinated_clauses`, :mod:`.coordinated_objects` and :mod:`.lists` (over the state of
:mod:`.conjunctions`); :mod:`.clause_lists` handles clauses that list; :mod:`.ellipses` fills in what the
finished pieces leave unsaid.
"""

from factcheck.claims.decompose.pieces import Piece, tidy
from factcheck.claims.decompose.sentence import decompose

__all__ = ["Piece", "decompose", "tidy"]
