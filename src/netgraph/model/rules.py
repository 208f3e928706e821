"""The social rules of thumb every analysis reads, in one place.

Tie strength is a formula (:class:`netgraph.model.strength.StrengthModel`);
what a strength or a silence *means* — when an answer is late, when a tie has
gone quiet, how many asks are a lot, how close a tie must be to sit in one of
Dunbar's layers — are rules of thumb. They live here, each with its source,
so that "dormant" means the same in the follow-ups, the weak ties, the drafts
and the pictures. The rules a graph was built with are recorded on it
(``G.graph["rules"]``) and read back by :func:`rules_of`.

==========================  =====  ==============================================
rule                        value  why
==========================  =====  ==============================================
``reply_days``              7      a week: e-mail is answered within a day or two
                                   when it is answered at all (Kalman et al. 2006);
                                   a week's grace covers holidays and busy weeks
``unanswered_days``         90     a contact older than a quarter is history, not a
                                   call to return
``dormant_days``            365    a year of silence: the outermost of Dunbar's
                                   layers is kept up about once or twice a year
                                   (Sutcliffe et al. 2012), so a year without
                                   contact is below every layer's rhythm; Levin,
                                   Walter & Murnighan (2011) study ties dormant for
                                   three years and more, which are still worth
                                   reviving
``asked_a_lot``             3      asks in the last year: two favours asked in a
                                   row can be fine, a third before giving back
                                   strains a tie (Flynn 2003: favour exchange is
                                   remembered by count)
``layers``                  5..150 Dunbar's nested layers (Zhou et al. 2005)
``rhythm_days``             7..182 how often each layer is in touch (Sutcliffe et
                                   al. 2012)
``layer_strength``          0.6..  the least strength for each layer: a tie must be
                                   strong enough to belong, not merely among the
                                   strongest (a sparse network has empty inner
                                   layers). With the default strength model, a
                                   two-way tie in touch about weekly for a year
                                   scores above 0.6, monthly above 0.4, quarterly
                                   above 0.25, yearly above 0.1: the layers'
                                   rhythms (Sutcliffe et al. 2012)
``mass_recipients``         300    a message or meeting with more people is mass
                                   mail (an announcement, a company-wide invite):
                                   twice Dunbar's widest personal layer (150), so
                                   no personal message reaches it; readers make no
                                   person per address of such a message
==========================  =====  ==============================================

References
----------
.. [1] J. Kalman, M. Rafaeli et al., "Online chronemics convey social information", Computers in Human
   Behavior 22(3), 2006.
.. [2] A. Sutcliffe, R. Dunbar, J. Binder, H. Arrow, "Relationships and the social brain", British
   Journal of Psychology 103(2), 2012.
.. [3] D. Z. Levin, J. Walter, J. K. Murnighan, "Dormant ties: the value of reconnecting", Organization
   Science 22(4), 2011.
.. [4] F. J. Flynn, "How much should I give and how often? The effects of generosity and frequency of
   favor exchange on social status and productivity", Academy of Management Journal 46(5), 2003.
.. [5] W.-X. Zhou, D. Sornette, R. A. Hill, R. I. M. Dunbar, "Discrete hierarchical organization of
   social group sizes", Proc. R. Soc. B 272, 2005.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

__all__ = ["Rules", "rules_of"]


@dataclass(frozen=True)
class Rules:
    """The rules of thumb (see the module docstring for each one's source).

    Examples
    --------
    >>> Rules().dormant_days
    365
    >>> Rules(dormant_days=180).dormant_days
    180
    """

    reply_days: int = 7
    unanswered_days: int = 90
    dormant_days: int = 365
    asked_a_lot: int = 3
    layers: tuple[int, ...] = (5, 15, 50, 150)
    rhythm_days: dict[int, int] = field(default_factory=lambda: {5: 7, 15: 30, 50: 91, 150: 182})
    layer_strength: dict[int, float] = field(default_factory=lambda: {5: 0.6, 15: 0.4, 50: 0.25, 150: 0.1})
    mass_recipients: int = 300


def rules_of(G: Any) -> Rules:
    """The rules ``G`` was built with (the defaults for a graph that records none)."""
    rules = getattr(G, "graph", {}).get("rules")
    return rules if isinstance(rules, Rules) else Rules()
