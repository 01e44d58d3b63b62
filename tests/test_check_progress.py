"""A township's check takes minutes: on a terminal it says which step it is at and how
far along the log's hash chain, and it finds exactly what it finds without telling."""

from test_print_progress import Clock, Terminal

from villagebook import check, entries, people, replay
from villagebook.cli.progress import Steps
from villagebook.texttable import cell_width


def test_check_tells_the_chain_line_by_line_then_the_tables_then_the_file(book, monkeypatch):
    entries.record(book, people.find_resident(book, "马少军"), "labour", "2", "杨秋云")
    monkeypatch.setattr(replay, "TELL_EVERY", 5)
    told = []
    found = check.check(book, told=lambda step, done=0, of=0: told.append((step, done, of)))
    assert found == check.check(book) == []
    last = book.one("SELECT MAX(seq) FROM audit")[0]
    chained = book.one("SELECT COUNT(*) FROM audit WHERE hash IS NOT NULL")[0]
    chain = [done for step, done, of in told if step == "chain" and of == last]
    assert len(chain) == chained // 5 > 2 and chain == sorted(set(chain)) and chain[-1] <= last
    assert [step for step, *_ in told if step != "chain"] == ["tables", "file"]
    assert told[-1][0] == "file" and told[-2][0] == "tables"


def test_a_broken_chain_is_named_whether_or_not_it_is_told(book, monkeypatch):
    seq = book.one("SELECT MAX(seq) FROM audit WHERE tbl = 'residents'")[0]
    book.conn.execute("DROP TRIGGER audit_no_update")
    book.conn.execute("UPDATE audit SET data = replace(data, '马', '牛') WHERE seq = ?", (seq,))
    monkeypatch.setattr(replay, "TELL_EVERY", 3)
    told = []
    found = check.check(book, told=lambda step, done=0, of=0: told.append(step))
    assert [str(p) for p in found] == [str(p) for p in check.check(book)]
    assert any(str(seq) in str(p) for p in found) and told.count("chain") > 2


def test_each_step_has_its_line_and_a_new_step_is_said_at_once():
    screen, clock = Terminal(), Clock()
    steps = Steps("check.progress", screen, clock)
    steps.tell("chain", 65536, 25100191)  # in the first second: nothing
    clock.now += 1.5
    steps.tell("chain", 131072, 25100191)
    clock.now += 0.1
    steps.tell("chain", 196608, 25100191)  # too soon after the last line: not redrawn
    steps.tell("tables")  # a new step: said at once, over the longer line
    lines = screen.getvalue().split("\r")[1:]
    assert lines[0] == "正在检查积分簿：核对日志的哈希链，第 131072 行/共 25100191 行…"
    assert lines[1].rstrip(" ") == "正在检查积分簿：核对各表、各项规定和汇总…"
    assert cell_width(lines[1]) == cell_width(lines[0]) and len(lines) == 2
    steps.done()
    assert screen.getvalue().endswith("\r" + " " * cell_width(lines[0]) + "\r")
