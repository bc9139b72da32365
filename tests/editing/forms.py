"""An admin edit form as a browser submits it: every named field of the form in the HTML."""

from bs4 import BeautifulSoup

NOT_SENT = {"submit", "button", "file", "reset", "image"}


def edit_form_data(html: str) -> dict[str, list[str]]:
    """{name: [values]} of the admin's edit form (`form[data-edit-form]`) as its HTML stands.

    Checkboxes and radio buttons only when checked; a single select sends its selected option or its
    first one. Fields that JavaScript builds (StreamFields) are not there: use it for forms without one.
    """
    form = BeautifulSoup(html, "html.parser").select_one("form[data-edit-form]")
    data: dict[str, list[str]] = {}
    for field in form.find_all(["input", "textarea", "select"]):
        name = field.get("name")
        if not name or field.has_attr("disabled"):
            continue
        if field.name == "input":
            kind = field.get("type", "text").lower()
            if kind in NOT_SENT or (kind in {"checkbox", "radio"} and not field.has_attr("checked")):
                continue
            data.setdefault(name, []).append(field.get("value", "on" if kind in {"checkbox", "radio"} else ""))
        elif field.name == "textarea":
            data.setdefault(name, []).append(field.text.removeprefix("\n"))
        else:
            options = field.find_all("option")
            chosen = [option for option in options if option.has_attr("selected")]
            if not chosen and options and not field.has_attr("multiple"):
                chosen = options[:1]
            for option in chosen:
                data.setdefault(name, []).append(option.get("value", option.text))
    return data
