"""The class report: where the class struggled, in one self-contained HTML page.

``reports/<a>/class-report.html`` opens with a plain-language summary, then shows (each figure
with alt text): the total scores, the score distribution of every graded question, the
misconceptions behind the questions (declared in :mod:`netnot.course`), the grading statuses
(the one table in ``status.py``), and the written answers still waiting for a person.
"""

from __future__ import annotations

import base64
import html
import io
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from matplotlib.ticker import MaxNLocator

from .. import course, style
from . import status
from .folder import GradingFolder


@dataclass
class Question:
    grade_id: str
    max_score: float
    topic: str
    belief: str
    scores: list[float] = field(default_factory=list)  # graded students only
    waiting: list[str] = field(default_factory=list)  # students awaiting manual grading

    def counts(self) -> dict[str, int]:
        full = sum(s >= self.max_score for s in self.scores)
        zero = sum(s <= 0 for s in self.scores)
        return {"full marks": full, "part marks": len(self.scores) - full - zero,
                "no marks": zero, "awaiting a grader": len(self.waiting)}

    def share(self) -> float | None:
        """Mean share of the points among graded students."""
        if not self.scores or not self.max_score:
            return None
        return sum(self.scores) / (len(self.scores) * self.max_score)


@dataclass
class ClassData:
    assignment: str
    max_score: float
    questions: list[Question]
    statuses: Counter
    totals: list[float]  # raw scores of students graded automatically
    review: dict[str, str]  # student -> status, for every status other than ok/missing


def gather(folder: GradingFolder, assignment: str) -> ClassData:
    statuses = status.read_csv(folder.reports(assignment) / "status.csv", assignment)
    graded = {s for s, row in statuses.items() if row["status"] in status.SCORED}
    with folder.assignment_record(assignment) as (gb, record):
        questions = {}
        for notebook in record.notebooks:
            for cell in notebook.grade_cells:
                check = course.graded_part(assignment, cell.name)
                questions[cell.name] = Question(cell.name, float(cell.max_score), check.myth,
                                                check.belief)
        top = float(record.max_score)
        totals = []
        for sub in gb.assignment_submissions(assignment):
            if sub.student_id not in graded:
                continue
            totals.append(float(sub.score))
            for nb in sub.notebooks:
                for grade in nb.grades:
                    question = questions[grade.name]
                    if grade.needs_manual_grade:
                        question.waiting.append(sub.student_id)
                    else:
                        question.scores.append(float(grade.score))
    review = {s: row["status"] for s, row in sorted(statuses.items())
              if row["status"] not in ("ok", "missing")}
    return ClassData(assignment, top, list(questions.values()),
                     Counter(row["status"] for row in statuses.values()), totals, review)


def _png(fig) -> str:
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=100)
    return base64.b64encode(buffer.getvalue()).decode("ascii")


def figure_totals(data: ClassData) -> tuple[str, str]:
    fig, (ax,) = style.new_figure(8, 3.0)
    counts = Counter(round(t * 2) / 2 for t in data.totals)  # to the half point
    ax.bar(list(counts), list(counts.values()), width=0.4, color=style.BLUE)
    ax.set(title="Total scores before late penalties", xlabel="points",
           ylabel="students", xlim=(-0.5, data.max_score + 0.5))
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    if data.totals:
        ordered = sorted(data.totals)
        median = ordered[len(ordered) // 2]
        alt = (f"Bar chart of {len(data.totals)} total scores out of {data.max_score:g}: "
               f"lowest {ordered[0]:g}, median {median:g}, highest {ordered[-1]:g}.")
    else:
        alt = "Bar chart of total scores: no student has been graded yet."
    return _png(fig), alt


COLOURS = {"full marks": style.GREEN, "part marks": style.SKY, "no marks": style.VERMILLION,
           "awaiting a grader": style.GREY}


def figure_questions(data: ClassData) -> tuple[str, str]:
    fig, (ax,) = style.new_figure(8, 0.6 * len(data.questions) + 1.4)
    labels = [q.grade_id for q in data.questions]
    left = [0] * len(labels)
    for kind, colour in COLOURS.items():
        values = [q.counts()[kind] for q in data.questions]
        ax.barh(labels, values, left=left, color=colour, label=kind)
        left = [a + b for a, b in zip(left, values, strict=True)]
    ax.invert_yaxis()
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set(title="Score distribution per question", xlabel="students")
    ax.legend(loc="lower right", ncols=4, bbox_to_anchor=(1, 1.08))
    parts = []
    for q in data.questions:
        c = q.counts()
        parts.append(f"{q.grade_id} ({q.max_score:g} points): {c['full marks']} full, "
                     f"{c['part marks']} part, {c['no marks']} none, "
                     f"{c['awaiting a grader']} awaiting a grader")
    return _png(fig), "Stacked bars, one per question. " + "; ".join(parts) + "."


def topic_shares(data: ClassData) -> list[tuple[str, float, int]]:
    """(belief, mean share of points, students graded) per question, hardest first."""
    rows = [(f"{course.MYTHS[q.topic]}: {q.belief}", q.share(), len(q.scores))
            for q in data.questions if q.share() is not None]
    return sorted(rows, key=lambda row: row[1])


def figure_topics(data: ClassData) -> tuple[str, str]:
    rows = topic_shares(data)
    fig, (ax,) = style.new_figure(8, 0.6 * max(1, len(rows)) + 1.2)
    labels = [_wrap(r[0], 45) for r in rows]
    shares = [100 * r[1] for r in rows]
    bars = ax.barh(labels, shares, color=[style.VERMILLION if s < 60 else style.BLUE
                                          for s in shares])
    ax.bar_label(bars, labels=[f"{s:.0f}%" for s in shares], padding=3)
    ax.invert_yaxis()
    ax.set(title="Misconceptions: share of the points the class earned", xlim=(0, 110),
           xlabel="% of points earned (graded answers)")
    alt = ("Bars per misconception, hardest first: "
           + "; ".join(f"{r[0]}: {100 * r[1]:.0f}% of points" for r in rows) + "."
           if rows else "No graded answers yet.")
    return _png(fig), alt


def figure_statuses(data: ClassData) -> tuple[str, str]:
    fig, (ax,) = style.new_figure(8, 2.8)
    names = list(status.STATUSES)
    counts = [data.statuses.get(s, 0) for s in names]
    bars = ax.bar(names, counts, color=[style.GREEN if s == "ok" else style.ORANGE
                                        for s in names])
    ax.bar_label(bars, padding=2)
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set(title="Grading status", ylabel="students")
    alt = "Bar chart of grading statuses: " + ", ".join(
        f"{n} {c}" for n, c in zip(names, counts, strict=True)) + "."
    return _png(fig), alt


def _wrap(text: str, width: int) -> str:
    words, lines, line = text.split(), [], ""
    for word in words:
        if line and len(line) + len(word) + 1 > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    return "\n".join(lines + [line])


def summary(data: ClassData) -> list[str]:
    """The plain-language summary at the top of the report."""
    people = sum(data.statuses.values())
    graded = len(data.totals)
    out = [f"{people} students on the roster or with a submission; {graded} were graded "
           f"automatically, {data.statuses.get('missing', 0)} submitted nothing."]
    if data.totals:
        mean = sum(data.totals) / graded
        out.append(f"The average score before late penalties is {mean:.1f} of "
                   f"{data.max_score:g} points.")
    rows = topic_shares(data)
    if rows:
        belief, share, _ = rows[0]
        out.append(f"The class struggled most with “{belief}”: graded answers earned "
                   f"{100 * share:.0f}% of those points.")
    waiting = sum(len(q.waiting) for q in data.questions)
    if waiting:
        out.append(f"{waiting} written answers still need a grader (formgrader); grades "
                   "of those students are not final.")
    if data.review:
        listed = ", ".join(f"{s} ({st})" for s, st in data.review.items())
        out.append(f"Look at these submissions before uploading grades: {listed}.")
    return out


def render(data: ClassData) -> str:
    esc = html.escape
    figures = [figure_totals(data), figure_questions(data), figure_topics(data),
               figure_statuses(data)]
    parts = [
        "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>",
        f"<title>Class report: {esc(data.assignment)}</title>",
        "<style>body{font-family:sans-serif;max-width:60rem;margin:2rem auto;line-height:1.45}"
        "table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.25rem .5rem;"
        "text-align:left}img{max-width:100%}figcaption{font-size:.9rem;color:#444}</style>",
        f"</head><body><h1>Class report: {esc(data.assignment)}</h1>",
        "<section id='summary'><h2>In short</h2><ul>",
        *[f"<li>{esc(line)}</li>" for line in summary(data)],
        "</ul></section>",
    ]
    titles = ["Total scores", "Every question", "Misconceptions", "Statuses"]
    for title, (png, alt) in zip(titles, figures, strict=True):
        parts.append(f"<figure><img src='data:image/png;base64,{png}' alt='{esc(alt, True)}'>"
                     f"<figcaption>{esc(title)}: {esc(alt)}</figcaption></figure>")
    parts.append("<h2>Questions</h2><table><tr><th>question</th><th>points</th>"
                 "<th>misconception</th><th>full</th><th>part</th><th>none</th>"
                 "<th>awaiting a grader</th></tr>")
    for q in data.questions:
        c = q.counts()
        parts.append(f"<tr><td>{esc(q.grade_id)}</td><td>{q.max_score:g}</td>"
                     f"<td>{esc(course.MYTHS[q.topic])}: {esc(q.belief)}</td>"
                     f"<td>{c['full marks']}</td><td>{c['part marks']}</td>"
                     f"<td>{c['no marks']}</td><td>{c['awaiting a grader']}</td></tr>")
    parts.append("</table><h2>Statuses</h2><table><tr><th>status</th><th>students</th>"
                 "<th>meaning</th><th>what to do</th></tr>")
    for name, state in status.STATUSES.items():
        parts.append(f"<tr><td>{name}</td><td>{data.statuses.get(name, 0)}</td>"
                     f"<td>{esc(state.meaning)}</td><td>{esc(state.todo)}</td></tr>")
    parts.append("</table><h2>Written answers awaiting a grader</h2>")
    waiting = [(q.grade_id, s) for q in data.questions for s in q.waiting]
    if waiting:
        parts.append("<table><tr><th>student</th><th>question</th></tr>")
        parts += [f"<tr><td>{esc(s)}</td><td>{esc(g)}</td></tr>" for g, s in sorted(
            waiting, key=lambda pair: (pair[1], pair[0]))]
        parts.append("</table>")
    else:
        parts.append("<p>None: every written answer has been graded.</p>")
    parts.append("</body></html>")
    return "\n".join(parts)


def write(folder: GradingFolder, assignment: str) -> Path:
    """Write reports/<a>/class-report.html; returns its path."""
    path = folder.reports(assignment) / "class-report.html"
    path.write_text(render(gather(folder, assignment)), encoding="utf-8")
    return path
