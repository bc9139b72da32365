/* The static archive's search page: the query in ?q= answered by Pagefind's index of the page's
 * language (pagefind/ at the archive's root, built by `manage.py archive_site`), shown with the
 * live search page's markup. Pagefind picks the index from <html lang>. */
const root = document.querySelector("[data-archive-search]");
const form = root.querySelector("form");
const input = root.querySelector("#search-query");
const message = root.querySelector("[data-archive-search-message]");
const list = root.querySelector("[data-archive-search-results]");
// This script is static/static_archive/search.js: the archive's root is two folders up.
const archiveRoot = new URL("../../", import.meta.url);
form.action = "";

function show(text) {
    message.textContent = text;
}

function item(data) {
    const li = document.createElement("li");
    li.className = "search-result";
    const heading = document.createElement("h2");
    heading.className = "search-result__title";
    const link = document.createElement("a");
    link.href = new URL(data.url.replace(/^\//, ""), archiveRoot).href;
    link.textContent = data.meta.title || data.url;
    heading.append(link);
    const meta = document.createElement("p");
    meta.className = "search-result__meta";
    const address = document.createElement("span");
    address.className = "search-result__url";
    address.textContent = decodeURI(link.pathname);
    meta.append(address);
    const extract = document.createElement("p");
    extract.className = "search-result__extract";
    // Pagefind's excerpt: the page's text, escaped, with <mark> around the words found.
    extract.innerHTML = data.excerpt;
    li.append(heading, meta, extract);
    return li;
}

async function run(query) {
    list.replaceChildren();
    list.hidden = true;
    if (!query.trim()) {
        show(root.dataset.empty);
        return;
    }
    let pagefind;
    try {
        pagefind = await import(new URL("pagefind/pagefind.js", archiveRoot).href);
        await pagefind.options({ baseUrl: "/" });
    } catch (error) {
        show(root.dataset.unavailable);
        return;
    }
    const search = await pagefind.search(query);
    const results = await Promise.all(search.results.slice(0, 20).map((result) => result.data()));
    if (!results.length) {
        show(root.dataset.none);
        return;
    }
    show(root.dataset.summary.replace("%(text)s", query).replace("%(count)s", String(search.results.length)));
    list.append(...results.map(item));
    list.hidden = false;
}

const query = new URLSearchParams(window.location.search).get("q") || "";
input.value = query;
run(query);
