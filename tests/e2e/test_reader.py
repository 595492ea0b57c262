import pytest


@pytest.mark.usefixtures("demo_site")
def test_reader_follows_the_toc_a_footnote_and_back_then_the_next_chapter(page, assert_accessible):
    page.goto("/less-equal/")
    assert_accessible(page)
    page.get_by_role("link", name="2. Crackdown on LGBTI rights").click()
    page.wait_for_url("**/less-equal/crackdown-on-lgbti-rights/")
    assert_accessible(page)

    toc = page.get_by_role("navigation", name="In this chapter")
    toc.get_by_role("link", name="Constitutional bans on same-sex marriage").click()
    assert page.evaluate("location.hash") == "#constitutional-bans"
    assert page.locator("#constitutional-bans").is_visible()

    page.locator("a.footnote-ref").first.click()
    note_id = page.evaluate("location.hash")
    note = page.locator(note_id)
    assert "press release launching the report" in note.inner_text()
    note.locator("a.footnotes__back").click()
    back_target = page.evaluate("location.hash")
    assert page.locator(back_target).is_visible()
    assert back_target.endswith("-source-1-1")

    page.get_by_role("link", name="Next chapter Marginalised by the human rights community").click()
    page.wait_for_url("**/marginalised-by-the-human-rights-community/")
    assert page.locator("h1").inner_text() == "Marginalised by the human rights community"
    assert_accessible(page)


@pytest.mark.usefixtures("demo_site")
def test_whole_report_press_release_and_search_are_accessible(page, phone_page, assert_accessible):
    for path in (
        "/less-equal/all/",
        "/press-releases/",
        "/press-releases/former-soviet-states-entrenching-homophobia/",
        "/search/?q=propaganda",
    ):
        page.goto(path)
        assert_accessible(page)
        phone_page.goto(path)
        overflow = phone_page.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 0, f"{path} scrolls sideways on a phone"
    assert "Krivosheev" in page.goto("/search/?q=Krivosheev").text()


@pytest.mark.usefixtures("demo_site")
def test_report_reads_without_javascript_or_css(browser, live_server):
    context = browser.new_context(java_script_enabled=False, base_url=live_server.url)
    tab = context.new_page()
    tab.route("**/*.css", lambda route: route.abort())
    tab.goto("/less-equal/crackdown-on-lgbti-rights/")
    text = tab.locator("main").inner_text()
    # The reading order is the document order: title, standfirst, contents, body, notes, pager.
    order = [
        "Crackdown on LGBTI rights",
        "The governments of Armenia",
        "In this chapter",
        "All four countries have attempted",
        "Notes",
        "Next chapter",
    ]
    positions = [text.index(part) for part in order]
    assert positions == sorted(positions)
    context.close()


@pytest.mark.usefixtures("demo_site")
def test_chapter_prints_without_site_chrome_and_with_link_addresses(page):
    page.goto("/press-releases/former-soviet-states-entrenching-homophobia/")
    page.emulate_media(media="print")

    assert not page.locator(".site-header").is_visible()
    assert not page.locator(".site-footer").is_visible()
    assert page.locator("h1").is_visible()
    page.goto("/less-equal/crackdown-on-lgbti-rights/")
    assert not page.get_by_role("navigation", name="In this chapter").is_visible()
    assert page.locator(".footnotes").is_visible()
