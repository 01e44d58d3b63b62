"""The resident form (F2, a / e): household and corner required, the corners offered, a
new corner and a namesake asked about once (an edit takes the question away), each field
labelled, Esc asks before losing typing (a dialog that names its keys), keys in order."""

import pytest
from textual import events
from textual.widgets import Label

from tui.conftest import SIZE, shown, squeezed, text_of
from villagebook import i18n, people
from villagebook.tui.screens.confirm import Confirm

ASK = 0.35  # a question takes an answer only once it has been on screen 0.3 s


async def type_text(pilot, text):
    for ch in text:
        await pilot.press(ch)


async def open_form(pilot, key="a"):
    await pilot.press("f2", key)
    await pilot.pause()


async def fill(pilot, name, household="", corner=""):
    await type_text(pilot, name)
    await pilot.press("tab")
    await type_text(pilot, household)
    await pilot.press("tab")
    await type_text(pilot, corner)


async def edit(pilot, initials):
    await pilot.press("f2", "slash")
    await type_text(pilot, initials)
    await pilot.press("enter", "e")
    await pilot.pause()


def message(app) -> str:
    return text_of(app.screen.query_one("#r-message"))


def residents(book) -> list[tuple[str, str, str]]:
    return sorted((r.name, r.household, r.corner) for r in people.list_residents(book))


def send(app, *keys):
    """Keys typed in one burst, before the app has handled any of them."""
    chars = {"tab": "\t", "enter": "\r", "escape": "\x1b"}
    for key in keys:
        app.post_message(events.Key(key, chars.get(key, key)))


class TestRequiredFields:
    async def test_no_household_is_refused_and_nothing_written(self, app, book):
        before = residents(book)
        async with app.run_test(size=SIZE) as pilot:
            await open_form(pilot)
            await type_text(pilot, "杨秀英")
            await pilot.press("enter")
            await pilot.pause()
            assert type(app.screen).__name__ == "ResidentForm"
            assert message(app) == "请填写户"
            assert app.screen.focused.id == "r-household"
        assert residents(book) == before

    async def test_no_corner_is_refused_and_nothing_written(self, app, book):
        before = residents(book)
        async with app.run_test(size=SIZE) as pilot:
            await open_form(pilot)
            await fill(pilot, "杨秀英", "杨家2户")
            await pilot.press("enter")
            await pilot.pause()
            assert type(app.screen).__name__ == "ResidentForm"
            assert message(app) == "请填写片区"
            assert app.screen.focused.id == "r-corner"
        assert residents(book) == before


class TestCorners:
    async def test_the_corners_are_shown_and_a_digit_or_right_arrow_picks_one(self, app, book):
        async with app.run_test(size=SIZE) as pilot:
            await open_form(pilot)
            assert text_of(app.screen.query_one("#r-corners")).startswith("片区：1 东片  2 西片")
            await fill(pilot, "杨秀英", "杨家2户", "2")
            assert app.screen.query_one("#r-corner").value == "西片"
            await pilot.press("ctrl+u")
            await type_text(pilot, "东")
            await pilot.press("right")
            assert app.screen.query_one("#r-corner").value == "东片"
            await pilot.press("enter")  # an existing corner: saved without a question
            await pilot.pause()
            assert type(app.screen).__name__ == "ResidentsScreen"
        assert ("杨秀英", "杨家2户", "东片") in residents(book)

    async def test_a_new_corner_asks_once_then_saves_on_enter(self, app, book):
        before = residents(book)
        async with app.run_test(size=SIZE) as pilot:
            await open_form(pilot)
            await fill(pilot, "杨秀英", "杨家2户", "南片")
            send(app, "enter", "enter")  # the second Enter was typed before the question
            await pilot.pause(0.1)
            assert message(app) == "新片区「南片」？再按回车确认"
            assert residents(book) == before
            await pilot.pause(ASK)
            await pilot.press("enter")
            await pilot.pause()
            assert type(app.screen).__name__ == "ResidentsScreen"
        assert residents(book) == sorted([*before, ("杨秀英", "杨家2户", "南片")])


class TestNamesakes:
    async def test_the_same_name_in_the_same_household_warns_then_saves(self, app, book):
        async with app.run_test(size=SIZE) as pilot:
            await open_form(pilot)
            await fill(pilot, "马少军", "马家3户", "1")
            await pilot.press("enter")
            await pilot.pause()
            assert message(app) == "马家3户 已有同名村民 马少军，再按回车仍然保存"
            assert residents(book).count(("马少军", "马家3户", "东片")) == 1
            await pilot.pause(ASK)
            await pilot.press("enter")
            await pilot.pause()
            assert type(app.screen).__name__ == "ResidentsScreen"
        assert residents(book).count(("马少军", "马家3户", "东片")) == 2

    async def test_an_edit_renaming_to_a_namesake_warns_then_saves(self, app, book):
        qiuling = people.find_resident(book, "马秋玲")
        async with app.run_test(size=SIZE) as pilot:
            await edit(pilot, "mql")
            assert app.screen.query_one("#r-name").value == "马秋玲"
            await pilot.press("ctrl+u")
            await type_text(pilot, "马淑婷")
            await pilot.press("enter")
            await pilot.pause()
            assert message(app) == "马家8户 已有同名村民 马淑婷，再按回车仍然保存"
            assert people.get_resident(book, qiuling.id).name == "马秋玲"
            await pilot.pause(ASK)
            await pilot.press("enter")
            await pilot.pause()
            assert type(app.screen).__name__ == "ResidentsScreen"
        assert people.get_resident(book, qiuling.id).name == "马淑婷"


class TestEdit:
    async def test_e_edits_the_selected_resident(self, app, book):
        hongyun = people.find_resident(book, "马洪云")
        async with app.run_test(size=SIZE) as pilot:
            await edit(pilot, "mhy")
            await pilot.press("tab", "ctrl+u")
            await type_text(pilot, "马家6户")
            await pilot.press("enter")  # itself is no namesake, 东片 no new corner
            await pilot.pause()
            assert type(app.screen).__name__ == "ResidentsScreen"
        edited = people.get_resident(book, hongyun.id)
        assert (edited.name, edited.household, edited.corner) == ("马洪云", "马家6户", "东片")


class TestEscape:
    async def test_a_half_filled_form_asks_and_an_empty_one_closes(self, app, book):
        before = residents(book)
        async with app.run_test(size=SIZE) as pilot:
            await open_form(pilot)
            await type_text(pilot, "杨秀")
            await pilot.press("escape")
            await pilot.pause(ASK)
            assert type(app.screen).__name__ == "Confirm"
            await pilot.press("n")
            await pilot.pause()
            assert app.screen.query_one("#r-name").value == "杨秀"
            await pilot.press("escape")
            await pilot.pause(ASK)
            await pilot.press("y")
            await pilot.pause()
            assert type(app.screen).__name__ == "ResidentsScreen"
            await pilot.press("a", "escape")
            await pilot.pause()
            assert type(app.screen).__name__ == "ResidentsScreen"
            await pilot.press("e", "escape")  # an edit not changed closes at once too
            await pilot.pause()
            assert type(app.screen).__name__ == "ResidentsScreen"
        assert residents(book) == before


class TestTypingAhead:
    async def test_a_whole_resident_typed_in_one_burst_lands_in_the_right_fields(self, app,
                                                                                 book):
        async with app.run_test(size=SIZE) as pilot:
            await open_form(pilot)
            send(app, *"杨秀英", "tab", *"杨家2户", "tab", "1", "enter", *"x")
            await pilot.pause(0.5)
            assert type(app.screen).__name__ == "ResidentsScreen"
        assert ("杨秀英", "杨家2户", "东片") in residents(book)



def four_corners(book):
    """As in the demo village: 东片 西片 南片 北片."""
    people.add_resident(book, "王秀英", "王家1户", "南片")
    people.add_resident(book, "张玉梅", "张家1户", "北片")


class TestLabels:
    @pytest.mark.parametrize("lang", ["zh", "en"])
    async def test_each_field_keeps_its_label_beside_it_while_typed_in(self, app, lang):
        i18n.set_lang(lang)
        async with app.run_test(size=SIZE) as pilot:
            await open_form(pilot)
            await fill(pilot, "杨秀英", "杨家2户", "南片")
            await pilot.pause()
            dialog = app.screen.query_one(".dialog").region
            for field in ("name", "household", "corner"):
                field_input = app.screen.query_one(f"#r-{field}")
                label = field_input.parent.query_one(Label)
                assert shown(app, label).strip() == i18n.t(f"h.{field}")
                assert label.region.y == field_input.region.y  # on the same row, before it
                assert label.region.right <= field_input.region.x
                assert field_input.region.right <= dialog.right and field_input.region.width > 20
            assert shown(app, app.screen.query_one("#r-name")).strip() == "杨秀英"


class TestCornerHint:
    @pytest.mark.parametrize("lang", ["zh", "en"])
    async def test_the_whole_hint_shows_at_80x24_with_four_corners(self, app, book, lang):
        four_corners(book)
        i18n.set_lang(lang)
        async with app.run_test(size=SIZE) as pilot:
            await open_form(pilot)
            hint = i18n.t("ui.rf.corners", corners="1 东片  2 北片  3 南片  4 西片")
            assert squeezed(hint) == squeezed(shown(app, app.screen.query_one("#r-corners")))

    async def test_a_long_warning_wraps_whole_in_english(self, app):
        i18n.set_lang("en")
        async with app.run_test(size=SIZE) as pilot:
            await open_form(pilot)
            await fill(pilot, "马少军", "马家3户", "1")
            await pilot.press("enter")
            await pilot.pause()
            warning = i18n.t("ui.rf.namesake", name="马少军", household="马家3户")
            assert squeezed(warning) == squeezed(shown(app, app.screen.query_one("#r-message")))


class TestAnEditTakesTheQuestionAway:
    async def test_changing_the_household_clears_the_namesake_warning(self, app, book):
        async with app.run_test(size=SIZE) as pilot:
            await open_form(pilot)
            await fill(pilot, "马少军", "马家3户", "1")
            await pilot.press("enter")
            await pilot.pause()
            assert "同名" in message(app)
            await pilot.press("shift+tab", "ctrl+u")
            await type_text(pilot, "马家4户")
            await pilot.pause()
            assert message(app) == ""
            await pilot.pause(ASK)
            await pilot.press("enter")  # 马家4户 has no 马少军: saved at once
            await pilot.pause()
            assert type(app.screen).__name__ == "ResidentsScreen"
        assert ("马少军", "马家4户", "东片") in residents(book)

    async def test_the_question_is_asked_again_after_an_edit_back(self, app, book):
        async with app.run_test(size=SIZE) as pilot:
            await open_form(pilot)
            await fill(pilot, "马少军", "马家3户", "1")
            await pilot.press("enter")
            await pilot.pause(ASK)
            await pilot.press("shift+tab", "end", "backspace")  # 马家3
            await type_text(pilot, "户")  # 马家3户 again
            await pilot.pause()
            assert message(app) == ""
            await pilot.pause(ASK)
            await pilot.press("enter")  # not an answer to a question no longer shown
            await pilot.pause()
            assert message(app) == "马家3户 已有同名村民 马少军，再按回车仍然保存"
            assert residents(book).count(("马少军", "马家3户", "东片")) == 1
            await pilot.pause(ASK)
            await pilot.press("enter")
            await pilot.pause()
            assert type(app.screen).__name__ == "ResidentsScreen"
        assert residents(book).count(("马少军", "马家3户", "东片")) == 2

    @pytest.mark.parametrize("field", ["name", "household", "corner"])
    async def test_any_field_edited_clears_the_new_corner_question(self, app, book, field):
        before = residents(book)
        async with app.run_test(size=SIZE) as pilot:
            await open_form(pilot)
            await fill(pilot, "杨秀英", "杨家2户", "南片")
            await pilot.press("enter")
            await pilot.pause()
            assert message(app) == "新片区「南片」？再按回车确认"
            app.screen.set_focus(app.screen.query_one(f"#r-{field}"))
            await pilot.press("x")
            await pilot.pause()
            assert message(app) == ""
            if field != "corner":
                await pilot.pause(ASK)
                await pilot.press("enter")  # the new corner is asked about again
                await pilot.pause()
                assert message(app) == "新片区「南片」？再按回车确认"
        assert residents(book) == before

    async def test_a_question_asked_amid_a_burst_stays_on_screen(self, app, book):
        async with app.run_test(size=SIZE) as pilot:
            await open_form(pilot)
            send(app, *"马少军", "tab", *"马家3户", "tab", "1", "enter")  # typed ahead
            await pilot.pause(0.2)
            assert message(app) == "马家3户 已有同名村民 马少军，再按回车仍然保存"
            await pilot.pause(ASK)
            await pilot.press("enter")
            await pilot.pause()
        assert residents(book).count(("马少军", "马家3户", "东片")) == 2

    async def test_a_missing_field_message_goes_once_it_is_typed(self, app):
        async with app.run_test(size=SIZE) as pilot:
            await open_form(pilot)
            await type_text(pilot, "杨秀英")
            await pilot.press("enter")
            await pilot.pause()
            assert message(app) == "请填写户"
            await type_text(pilot, "杨")
            await pilot.pause()
            assert message(app) == ""


class TestDiscardDialog:
    @pytest.mark.parametrize("lang", ["zh", "en"])
    async def test_it_names_its_keys(self, app, lang):
        i18n.set_lang(lang)
        async with app.run_test(size=SIZE) as pilot:
            await open_form(pilot)
            await type_text(pilot, "杨秀")
            await pilot.press("escape")
            await pilot.pause()
            assert isinstance(app.screen, Confirm)
            hint = shown(app, app.screen.query_one(".dialog-hint"))
            assert squeezed(i18n.t("ui.yes_no_keys")) == squeezed(hint)
            assert ("y 确认  n 或 Esc 取消" if lang == "zh" else "y yes  n or Esc no") in hint

    async def test_left_and_right_move_between_the_buttons(self, app, book):
        before = residents(book)
        async with app.run_test(size=SIZE) as pilot:
            await open_form(pilot)
            await type_text(pilot, "杨秀")
            await pilot.press("escape")
            await pilot.pause()
            assert app.screen.focused.id == "no"
            await pilot.press("right")
            assert app.screen.focused.id == "yes"
            await pilot.press("left")
            assert app.screen.focused.id == "no"
            await pilot.press("enter")  # keep editing
            await pilot.pause()
            assert app.screen.query_one("#r-name").value == "杨秀"
            await pilot.press("escape")
            await pilot.pause()
            await pilot.press("right", "enter")  # discard
            await pilot.pause()
            assert type(app.screen).__name__ == "ResidentsScreen"
        assert residents(book) == before
