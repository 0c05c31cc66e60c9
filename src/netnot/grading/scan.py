"""Static scan of a submission's code for tricks that cannot be stopped inside the kernel.

Flags mean "graded, but a person should look": hooking IPython's input or AST transformers,
patching builtins or imported modules (the test helpers), custom exception handlers, always-equal
objects, dynamic code that hides what it does, and sniffing the grading environment.

Code that builds names at run time (``globals()["get_" + "ipython"]``, ``getattr`` with a
computed name, ``exec``) can reach IPython's hooks without naming them, so ``dynamic-code``
always comes with ``ipython-hook``: such a submission is also graded past the hooks.
"""

from __future__ import annotations

import ast

from IPython.core.inputtransformer2 import TransformerManager

IPYTHON_HOOKS = {"ast_transformers", "input_transformers_cleanup", "input_transformers_post",
                 "input_transformer_manager", "set_custom_exc", "showtraceback", "events",
                 "register_magic_function", "run_cell", "user_ns_hidden"}
EXCEPTION_HOOKS = {"excepthook", "settrace", "setprofile", "displayhook", "unraisablehook"}
DYNAMIC = {"exec", "eval", "compile", "__import__", "globals", "setattr", "delattr"}
SNIFF_CALLS = {"getenv", "getcwd", "listdir", "scandir", "walk", "glob", "system", "popen",
               "getpid", "getppid", "gethostname", "uname"}
FILE_CALLS = {"symlink", "link", "chmod", "chown", "mkfifo", "mknod", "unlink", "remove",
              "rename", "replace", "rmtree", "symlink_to", "hardlink_to"}
PROCESS_CALLS = {"fork", "forkpty", "spawnv", "spawnl", "execv", "execl", "Popen", "Process"}
SNIFF_MODULES = {"socket", "subprocess", "platform", "ctypes", "importlib", "inspect", "gc",
                 "glob", "shutil", "urllib", "http", "requests"}
SNIFF_NAMES = {"environ", "argv", "_getframe", "modules", "NBGRADER_EXECUTION"}


class _Scanner(ast.NodeVisitor):
    def __init__(self) -> None:
        self.flags: set[str] = set()
        self.modules: set[str] = set()  # names bound to imported modules

    def visit_Import(self, node: ast.Import) -> None:
        for alias in node.names:
            self._imported(alias.name)
            self.modules.add((alias.asname or alias.name).split(".")[0])

    def visit_ImportFrom(self, node: ast.ImportFrom) -> None:
        self._imported(node.module or "")
        for alias in node.names:
            if alias.name in EXCEPTION_HOOKS or alias.name in SNIFF_NAMES:
                self.flags.add("env-sniff" if alias.name in SNIFF_NAMES else "exception-hook")

    def _imported(self, module: str) -> None:
        top = module.split(".")[0]
        if top in ("builtins", "__builtin__"):
            self.flags.add("builtins-patch")
        elif top in ("multiprocessing", "subprocess", "concurrent"):
            self.flags.add("processes")
        elif top in SNIFF_MODULES:
            self.flags.add("env-sniff")

    def visit_Name(self, node: ast.Name) -> None:
        if node.id in ("__builtins__", "builtins"):
            self.flags.add("builtins-patch")
        elif node.id in DYNAMIC:
            self.flags.add("dynamic-code")

    def visit_Attribute(self, node: ast.Attribute) -> None:
        if node.attr in IPYTHON_HOOKS:
            self.flags.add("ipython-hook")
        elif node.attr in EXCEPTION_HOOKS:
            self.flags.add("exception-hook")
        elif node.attr in FILE_CALLS:
            self.flags.add("file-tricks")
        elif node.attr in PROCESS_CALLS:
            self.flags.add("processes")
        elif node.attr in SNIFF_NAMES or node.attr in SNIFF_CALLS:
            self.flags.add("env-sniff")
        elif node.attr in ("__eq__", "__ne__", "__class__", "__dict__", "__code__"):
            self.flags.add("custom-eq" if node.attr in ("__eq__", "__ne__") else "dynamic-code")
        if isinstance(node.ctx, (ast.Store, ast.Del)):
            base = node.value
            while isinstance(base, ast.Attribute):
                base = base.value
            if isinstance(base, ast.Name) and base.id in self.modules:
                self.flags.add("monkeypatch")  # e.g. math.isclose = ...
        self.generic_visit(node)

    def visit_Call(self, node: ast.Call) -> None:
        name = node.func.id if isinstance(node.func, ast.Name) else ""
        computed = len(node.args) > 1 and not isinstance(node.args[1], ast.Constant)
        if name in ("getattr", "hasattr") and computed:
            self.flags.add("dynamic-code")  # an attribute whose name is built at run time
        self.generic_visit(node)

    def visit_FunctionDef(self, node: ast.FunctionDef) -> None:
        if node.name in ("__eq__", "__ne__", "__hash__"):
            self.flags.add("custom-eq")
        self.generic_visit(node)

    visit_AsyncFunctionDef = visit_FunctionDef

    def visit_Constant(self, node: ast.Constant) -> None:
        if isinstance(node.value, str):
            text = node.value
            if "ipython" in text.lower() or text in IPYTHON_HOOKS:
                self.flags.add("ipython-hook")
            if "NBGRADER" in text or text.startswith(("/", "~")) or "../" in text:
                self.flags.add("env-sniff")


def python_source(cell_source: str) -> str:
    """Cell text with IPython syntax (magics, !shell) turned into plain Python."""
    return TransformerManager().transform_cell(cell_source)


def scan_cells(sources: list[str]) -> list[str]:
    """Sorted flags for the student's code cells (IPython syntax allowed).

    One scanner reads the cells in order, so a module imported in one cell and patched in a
    later one is seen; a cell that does not parse is skipped.
    """
    scanner = _Scanner()
    for source in sources:
        if "get_ipython" in source:
            scanner.flags.add("ipython-hook")
        try:
            text = TransformerManager().transform_cell(source)
        except Exception:  # noqa: BLE001 - a broken cell is the student's problem, not a flag
            text = source
        if "get_ipython().system(" in text or "get_ipython().getoutput(" in text:
            scanner.flags.add("env-sniff")  # a !shell command
        try:
            scanner.visit(ast.parse(text))
        except (SyntaxError, ValueError):
            continue
    if "dynamic-code" in scanner.flags:
        scanner.flags.add("ipython-hook")
    return sorted(scanner.flags)
