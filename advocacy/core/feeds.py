from django.utils.feedgenerator import Atom1Feed


class PlainTextAtom1Feed(Atom1Feed):
    """Atom whose entry summaries are declared plain text (type="text"), escaped.

    Django's Atom1Feed declares them type="html", so a reader would render any markup in
    a statement's words or a standfirst; here "<b>" is shown as the four characters it is.
    """

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, {**item, "description": None})
        if item["description"] is not None:
            handler.addQuickElement("summary", item["description"], {"type": "text"})
