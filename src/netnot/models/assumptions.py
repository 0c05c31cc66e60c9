"""The one table of assumptions: every number the course's simulated world runs on.

Each row is one parameter of :class:`netnot.models.world.World`: its value, unit, the range a
learner or a scenario may set, where the number comes from, and the lessons that use it.
``measured`` is True only when the number itself comes from a study or a statistic; most are
"assumption": a round number chosen by the course team, often with a study (``anchors``) that
supports its direction or order of magnitude but not its size. The lessons' tables and the
"Where the numbers come from" page are made from this table.
"""

from __future__ import annotations

from dataclasses import dataclass

from netnot.references import REFERENCES


@dataclass(frozen=True)
class Assumption:
    name: str  # the World parameter
    label: str  # in plain words, as a learner sees it
    value: float
    unit: str
    low: float  # the range a learner or a scenario may set
    high: float
    lessons: tuple[str, ...]  # lesson numbers, e.g. ("02", "04")
    anchors: tuple[str, ...] = ()  # keys of netnot.references.REFERENCES
    note: str = ""  # what the anchor says, or why the number was chosen
    measured: bool = False  # the value itself comes from the anchors

    @property
    def source(self) -> str:
        """'assumption', or the studies the value was read from, in words."""
        names = "; ".join(REFERENCES[key].short for key in self.anchors)
        if self.measured:
            return names
        return f"assumption (anchored on {names})" if names else "assumption"


A = Assumption
TABLE: tuple[Assumption, ...] = (
    # --- the search as a whole ------------------------------------------------------------
    A("hours_per_week", "Hours a week spent on the search", 12, "hours a week", 1, 40,
      ("04", "05", "06"), ("krueger2011",),
      "a steady part-time effort; time spent searching tends to fall as a search goes on"),
    A("fit_spread", "How much a strategy's payoff differs from person to person", 0.8,
      "spread (log scale)", 0, 1.5, ("04", "05", "06"), ("mouw2003", "vanhoye2009"),
      "contacts and skills differ, so what works for one person may not work for another"),
    A("offer_chance", "Interviews that end in an offer", 0.12, "share", 0.02, 1,
      ("04", "05", "06"), ("ilg2012",),
      "chosen, with the other values, so that 12 hours a week spread evenly gives a median of "
      "about 10 weeks to a first offer, the median completed U.S. search in 2011"),
    A("switch_cost", "Share of a week's results lost in the first week on a strategy you "
      "were not using", 0.5, "share", 0, 1, ("05", "06"), (),
      "setting up takes time: finding the right job boards, registering with recruiters"),
    # --- applications, direct contact, recruiters -----------------------------------------
    A("interviews_applications", "Most interviews a week that applications can bring",
      0.2, "interviews a week", 0, 2, ("02", "04", "05", "06"), ("eubanks2014",),
      "for a typical person giving applications all the hours they can usefully take"),
    A("interviews_direct", "Most interviews a week that contacting employers directly can "
      "bring", 0.25, "interviews a week", 0, 2, ("04", "05", "06"), ("eubanks2014",),
      "direct contact with employers was the most used method and had the highest "
      "first-month job-finding rate (46%) in U.S. survey data"),
    A("interviews_recruiters", "Most interviews a week that recruiters and agencies can "
      "bring", 0.15, "interviews a week", 0, 2, ("04", "05", "06"),
      ("bortnick1992", "eubanks2014"),
      "the evidence conflicts: private agencies were the most successful method in 1991, "
      "but among the slower ones in later survey data, so the course puts them in between"),
    A("hours_applications", "Hours of applications a week that give about two thirds of "
      "what applications can bring", 4, "hours", 0.5, 40, ("02", "04", "05", "06"), (),
      "returns fade: the tenth hour of applications adds less than the first"),
    A("hours_direct", "Hours of direct contact a week that give about two thirds of what it "
      "can bring", 3, "hours", 0.5, 40, ("04", "05", "06")),
    A("hours_recruiters", "Hours with recruiters a week that give about two thirds of what "
      "they can bring", 2, "hours", 0.5, 40, ("04", "05", "06")),
    A("replies_per_interview", "Replies (any answer from a person) for each interview", 3,
      "replies", 0, 20, (), (),
      "early signals come before results: a reply or a call-back is much more common "
      "than an interview"),
    A("calls_per_interview", "Screening calls or conversations for each interview", 1.5,
      "conversations", 0, 10, ()),
    # --- networking: who you know ---------------------------------------------------------
    A("opening_chance", "Weekly chance that an opening that would suit you comes up near one "
      "contact who knows you well", 0.03, "chance a week", 0, 0.2,
      ("01", "02", "03", "04", "05", "06"), ("bls-jolts",),
      "U.S. employers hire about 3.5% of their workforce a month; only a small share of the "
      "openings around one person would fit you"),
    A("overlap", "How much your closer ties hear the same news as you", 1.5, "exponent",
      0, 4, ("04",), ("granovetter1973", "rajkumar2022"),
      "close ties move in your circles, so they rarely hear of openings you have not; with "
      "1.5 the most useful single tie is a moderately weak one, as in the LinkedIn "
      "experiment"),
    A("close_ties", "People close to you (family, close friends)", 5, "people", 0, 30,
      ("02", "04", "05", "06"), ("lindenfors2021",),
      "networks have a few close ties and many weaker ones; exact layer sizes such as "
      "Dunbar's 5, 15, 50 and 150 are contested"),
    A("acquaintances", "Acquaintances and former colleagues who know you", 20, "people", 0,
      200, ("01", "02", "04", "05", "06")),
    A("distant_ties", "Distant ties you have lost touch with (old classmates, past "
      "clients)", 100, "people", 0, 1000, ("04",)),
    A("close_closeness", "How close a close tie is (0 = a stranger, 1 = closest)", 0.9,
      "closeness", 0, 1, ("04",)),
    A("acquaintance_closeness", "How close an acquaintance is", 0.3, "closeness", 0, 1,
      ("01", "04", "06")),
    A("distant_closeness", "How close a distant tie is", 0.1, "closeness", 0, 1, ("04",)),
    # --- networking: warmth ---------------------------------------------------------------
    A("vouch_hours", "Hours of real conversation before someone knows you well enough to "
      "vouch for you", 3, "hours", 0.5, 50, ("01", "02", "03", "04", "05", "06"),
      ("hall2019", "smith2005"),
      "people hesitate to put their name behind someone they do not know; friendships take "
      "tens of hours together, and the course assumes professional trust takes fewer"),
    A("fade_weeks", "Weeks without contact after which about two thirds of the warmth you "
      "built has faded", 12, "weeks", 1, 104, ("01", "02", "04", "05", "06"), (),
      "people you stop talking to think of you less; the number of weeks is not measured"),
    A("told_network", "You have told your close ties and acquaintances that you are "
      "looking (1 yes, 0 no)", 1, "yes/no", 0, 1, ("02", "04", "05", "06"), ("flynn2008",),
      "one clear, polite request is usually welcome (lesson 01)"),
    # --- networking: online and live ------------------------------------------------------
    A("online_share", "Share of networking time spent online", 0.3, "share", 0, 1,
      ("03", "04", "05", "06"), (), "your choice; lesson 03 looks for the best share"),
    A("people_per_week", "People worth contacting each week", 30, "people", 0, 100,
      ("03", "04", "05", "06")),
    A("on_site_share", "Of them, the share who are on the site you use", 0.5, "share", 0, 1,
      ("03", "04", "05", "06"), ("pew2024",),
      "about 30% of U.S. adults use LinkedIn: 51% of those with a bachelor's degree and 10% "
      "of those with a high-school education or less"),
    A("message_minutes", "Minutes to write one short personal message", 5, "minutes", 1,
      60, ("03",)),
    A("reply_rate", "Share of messages to people who do not know you well that get a reply",
      0.1, "share", 0, 1, ("03", "04", "05", "06"), ("roghanizad2017",),
      "strangers rarely grant requests sent by email, and senders expect more replies than "
      "they get"),
    A("meeting_minutes", "Minutes of one live conversation (a call or a coffee)", 60,
      "minutes", 15, 240, ("03",)),
    A("offline_minutes", "Minutes to find and hold one live conversation without an online "
      "introduction (events, talks, friends of friends)", 180, "minutes", 60, 600, ("03",)),
    A("text_hours", "A written exchange counts as this many hours of live conversation",
      0.25, "hours", 0, 1, ("03",), ("schroeder2015", "kruger2005"),
      "hearing someone conveys more than reading the same words, and people overrate how "
      "well their tone comes across in writing"),
    A("share_acquaintances", "Share of networking conversation time with acquaintances", 0.3,
      "share", 0, 1, ("04",)),
    A("share_distant", "Share of networking conversation time with distant ties you "
      "reconnect with", 0.3, "share", 0, 1, ("04",)),
    A("share_new", "Share of networking conversation time with new people", 0.4, "share", 0,
      1, ("04",), (), "the rest, if any, goes to close ties"),
    A("referral_interview", "Referrals that lead to an interview", 0.6, "share", 0, 1,
      ("02", "04", "05", "06"), ("fernandez1997",),
      "referred applicants had an advantage at the interview stage"),
    A("referral_offer", "Interviews after a referral that end in an offer", 0.4, "share", 0,
      1, ("04", "05", "06"), ("burks2015", "fernandez1997"),
      "referred applicants were more likely to be hired than similar applicants"),
    A("network_fit_spread", "How much networking's payoff differs from person to person",
      0.8, "spread (log scale)", 0, 1.5, ("04", "05", "06"), ("mouw2003", "smith2005"),
      "whether your contacts are well placed, and willing, differs between people"),
    # --- asking and giving (lesson 01) ----------------------------------------------------
    A("give_hours", "Something useful you send (an article, an introduction, thanks) counts "
      "as this many hours of conversation", 0.5, "hours", 0, 3, ("01",),
      ("regan1971", "burger2006"),
      "small favours raise later help; the size is not measured"),
    A("ask_cost", "Warmth lost for each other request to the same person in the last few "
      "weeks", 0.05, "warmth", 0, 0.5, ("01", "06"),
      ("flynn2008", "cacioppo1979", "brehm1966"),
      "a first request is usually fine; repetition wears people out and pressure provokes "
      "resistance; the size is not measured"),
    A("ask_window", "Weeks a request stays fresh in someone's mind", 8, "weeks", 1, 26,
      ("01", "06"), (), "practitioner follow-up norms, not research"),
    A("tune_out", "Warmth below which a contact tunes you out", 0.05, "warmth", 0, 0.5,
      ("01", "06")),
)

PARAMETERS: dict[str, Assumption] = {row.name: row for row in TABLE}


def for_lesson(number: str) -> tuple[Assumption, ...]:
    """The rows a lesson uses, e.g. ``for_lesson("03")``."""
    return tuple(row for row in TABLE if number in row.lessons)
