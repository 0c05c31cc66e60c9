"""The course's one simulated world: a job seeker, their contacts and their search strategies.

Start with ``assumptions.py`` (every number, with its source or the word "assumption") and
``world.py`` (the parameters and named scenarios). Each of the other modules opens with its model
for ONE person, one week at a time, in plain Python; the faster versions below it do the same for
thousands of people at once and are tested equal:

* ``contacts.py``: what asking and giving do to one contact (lesson 01);
* ``networking.py``: how hours of networking build trust, and trust brings referrals (02, 03, 04);
* ``search.py``: a whole search with the same mix of hours every week (04, 06);
* ``policies.py``: switching rules that move hours on evidence (05, 06);
* ``plan.py``: the six-week plan, its checks and its document (06).

Every lesson and every graded exercise uses this one world; there are no per-lesson models.
Lesson views (a lesson's own readings of the world) sit in a module's "lesson NN view" section
or in the lesson's widget module (``netnot.widgets.<topic>``).
"""
