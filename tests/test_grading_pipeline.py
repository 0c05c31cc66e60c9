"""nbgrader accepts every exercise: solutions pass, student versions fail every graded test,
autograding gives full marks for the solution and 0 for an untouched student version, and Run
All on an untouched student version shows no traceback."""

from __future__ import annotations

import shutil

import nbformat
import pytest
from course_paths import ROOT, assignments
from nbgrader.api import Gradebook
from nbgrader.apps import NbGraderAPI
from nbgrader.coursedir import CourseDirectory
from nbgrader.validator import Validator
from traitlets.config.loader import PyFileConfigLoader


def graded_test_cells(path) -> list[str]:
    notebook = nbformat.read(path, as_version=4)
    return [c.metadata.nbgrader["grade_id"] for c in notebook.cells
            if c.cell_type == "code" and c.metadata.get("nbgrader", {}).get("grade")]


@pytest.mark.slow
@pytest.mark.parametrize("name", assignments())
def test_validator_passes_solution_and_fails_every_test_in_exercise(name):
    solution = ROOT / "solutions" / name / f"{name}.ipynb"
    exercise = ROOT / "exercises" / name / f"{name}.ipynb"
    assert Validator().validate(str(solution)) == {}, "the solution must pass every test"
    if graded_test_cells(exercise):
        result = Validator(invert=True).validate(str(exercise))
        assert result == {}, f"these tests pass without an answer: {result}"


@pytest.fixture(scope="module")
def course_dir(tmp_path_factory):
    """One nbgrader course folder (and gradebook: slow to create) for every assignment."""
    root = tmp_path_factory.mktemp("nbgrader-course")
    config = PyFileConfigLoader("nbgrader_config.py", path=str(ROOT)).load_config()
    config.CourseDirectory.root = str(root)
    config.CourseDirectory.source_directory = "source"
    config.CourseDirectory.release_directory = "release"
    config.CourseDirectory.db_url = f"sqlite:///{root / 'gradebook.db'}"
    config.GenerateAssignment.create_assignment = True
    with Gradebook(config.CourseDirectory.db_url) as gradebook:
        for student in ("solution", "blank"):
            gradebook.update_or_create_student(student)
    return root, config


@pytest.mark.slow
@pytest.mark.parametrize("name", assignments())
def test_autograde_gives_full_marks_to_solution_and_zero_to_blank(name, course_dir):
    root, config = course_dir
    shutil.copytree(ROOT / "solutions" / name, root / "source" / name)
    for student, folder in (("solution", "solutions"), ("blank", "exercises")):
        target = root / "submitted" / student / name
        shutil.copytree(ROOT / folder / name, target)
    api = NbGraderAPI(CourseDirectory(config=config), config=config)
    assert api.generate_assignment(name, force=True)["success"]
    for student in ("solution", "blank"):
        result = api.autograde(name, student, force=True)
        assert result["success"], result["log"]
    with Gradebook(config.CourseDirectory.db_url) as gradebook:
        solution = gradebook.find_submission(name, "solution")
        blank = gradebook.find_submission(name, "blank")
        assert solution.max_code_score == blank.max_code_score
        assert solution.code_score == solution.max_code_score
        assert blank.code_score == 0
        assert blank.max_score > 0


@pytest.mark.slow
@pytest.mark.parametrize("name", assignments())
def test_run_all_on_an_untouched_exercise_shows_no_traceback(name, tmp_path):
    """A learner who runs the untouched exercise sees no error anywhere: every part says it is
    not answered yet (widget answers), none raises."""
    from nbclient import NotebookClient

    shutil.copytree(ROOT / "exercises" / name, tmp_path / name)
    path = tmp_path / name / f"{name}.ipynb"
    notebook = nbformat.read(path, as_version=4)
    NotebookClient(notebook, timeout=120, allow_errors=True,
                   resources={"metadata": {"path": str(path.parent)}}).execute()
    for cell in notebook.cells:
        errors = [o for o in cell.get("outputs", []) if o.output_type == "error"]
        assert not errors, (f"{name}: {errors[0].ename}: {errors[0].evalue}\n"
                            f"{cell.source[:200]}")
        assert not [o for o in cell.get("outputs", []) if o.output_type == "stream"
                    and o.name == "stderr" and "Traceback" in o.text], name
