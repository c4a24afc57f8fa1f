#include "adapters/edutatar/inputs.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>

#include "adapters/edutatar/pages.hpp"
#include "core/sha256.hpp"
#include "core/subject_names.hpp"
#include "core/error.hpp"
#include "core/har.hpp"
#include "core/school_year.hpp"
#include "core/unknown_values.hpp"
#include "core/url.hpp"

namespace jb::edutatar {
namespace {

std::string read_whole(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw Error(path + ": cannot read input");
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (in.bad()) throw Error(path + ": read error");
    return bytes;
}

std::string_view skip_bom_and_space(std::string_view text) {
    if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
    while (!text.empty() && (text.front() == ' ' || text.front() == '\n' || text.front() == '\r' || text.front() == '\t'))
        text.remove_prefix(1);
    return text;
}

bool looks_like_diary_xml(std::string_view bytes) {
    std::string_view head = skip_bom_and_space(bytes.substr(0, 4096));
    return head.starts_with("<") && head.find("<diary") != std::string_view::npos && head.find("<html") == std::string_view::npos;
}

}  // namespace

void read_document(std::string_view bytes, const PageSource& source, bool strict, Journal& journal,
                   UnknownValues* unknowns) {
    if (journal.first_file.empty()) {
        journal.first_file = source.name;
        journal.first_file_sha256 = sha256_hex(bytes);
    }
    if (looks_like_diary_xml(bytes)) {
        Doc doc = parse_xml(bytes, source.name);
        read_diary_xml(doc, source, journal);
        return;
    }
    std::string_view text = skip_bom_and_space(bytes);
    if (text.starts_with("Restricted IP"))
        throw Error(source.name + ": the server answered «Restricted IP» (it refuses addresses outside Russia), not a diary page");
    if (text.substr(0, 1024).find('<') == std::string_view::npos) {
        if (strict) throw Error(source.name + ": neither an HTML page nor diary.xml");
        if (unknowns) unknowns->note("file that is not a page (skipped)", source.name, "an ЭО РТ page kind");
        return;
    }
    std::string charset = page_charset(bytes, source.header_charset, source.name);
    Doc doc = parse_html(bytes, charset, source.name);
    xmlNode* root = xmlDocGetRootElement(doc.get());
    switch (classify_page(root)) {
        case PageKind::term: read_term_page(root, source, journal); return;
        case PageKind::year: read_year_page(root, source, journal); return;
        case PageKind::day: read_day_page(root, source, journal); return;
        case PageKind::week: read_week_page(root, source, journal); return;
        case PageKind::profile: read_profile_page(root, source, journal); return;
        case PageKind::login: {
            std::string page_text = flat_text_of(root);
            std::string why = page_text.find("Неверный логин или пароль") != std::string::npos
                                  ? "the sign-in had failed (wrong login or password)"
                              : page_text.find("временно заблокирован") != std::string::npos
                                  ? "the account was temporarily locked after failed sign-ins"
                                  : "the session had expired when it was saved (an expired login shows the sign-in "
                                    "form, with HTTP 200)";
            throw Error(source.name + ": this is the ЭО РТ sign-in page, not a diary page: " + why +
                        "; sign in and save the page again");
        }
        case PageKind::restricted:
            throw Error(source.name + ": the server answered «Restricted IP» (it refuses addresses outside Russia), "
                                      "not a diary page");
        case PageKind::unknown_table: {
            xmlNode* table = find_first(root, [](const xmlNode* n) {
                xmlNode* header = is_element(n, "table") ? header_row(const_cast<xmlNode*>(n)) : nullptr;
                auto cells = header ? header_cells(header) : std::vector<HeaderCell>{};
                return !cells.empty() && subject_match_key(cells.front().text) == "предмет";
            });
            std::string headers;
            for (const auto& cell : header_cells(header_row(table))) headers += (headers.empty() ? "«" : ", «") + cell.text + "»";
            throw Error(source.name + ": a table headed " + headers +
                        " that is neither a табель, a year sheet nor a day page this reader knows; the page has a "
                        "layout not seen before, so nothing was imported (please report the page)");
        }
        case PageKind::other:
            if (strict)
                throw Error(source.name + ": not an ЭО РТ page this reader knows (expected diary.xml, the табель, the "
                                          "year sheet, a day or week page, or «Моя анкета»)");
            if (unknowns) unknowns->note("page of an unknown kind (skipped)", source.name, "an ЭО РТ page kind");
            return;
    }
}

namespace {

bool is_page_file(const std::filesystem::path& path) {
    std::string ext = path.extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return ext == ".html" || ext == ".htm" || ext == ".xml" || ext == ".xhtml" || ext == ".har";
}

void read_har(const std::string& path, Journal& journal, UnknownValues* unknowns) {
    har::read_entries(path, [&](const har::Entry& entry) {
        std::string_view url_path = entry.path();
        if (!url_path.starts_with("/user/diary") && url_path != "/user/anketa" && url_path != "/user/anketa/index" && url_path != "/") return;
        if (!entry.succeeded()) return;  // no answer was captured: nothing to import
        PageSource source;
        source.name = path + " entry " + std::to_string(entry.index) + " (" + entry.url + ")";
        source.header_charset = entry.charset();
        source.school_year = school_year_of(entry.started).value_or(0);
        if (auto term = entry.parsed_url.query_value("term")) source.term = *term;
        for (const auto& [name, value] : parse_form(entry.request_body))
            if (name == "term") source.term = value;
        if (auto day_for = entry.parsed_url.query_value("for")) source.day_for = *day_for;
        if (url_path == "/" ) {
            // the cabinet after sign-in: a profile when signed in, the sign-in form otherwise
            if (entry.body.find("tableEx") == std::string::npos) return;
        }
        read_document(entry.body, source, false, journal, unknowns);
    });
}

void read_file(const std::string& path, bool strict, Journal& journal, UnknownValues* unknowns) {
    std::string bytes = read_whole(path);
    if (har::looks_like_har(bytes.substr(0, 4096))) {
        read_har(path, journal, unknowns);
        return;
    }
    PageSource source;
    source.name = path;
    read_document(bytes, source, strict, journal, unknowns);
}

}  // namespace

void collect_input(const std::string& input, Journal& journal, UnknownValues* unknowns) {
    std::error_code ec;
    if (!std::filesystem::is_directory(input, ec)) {
        read_file(input, true, journal, unknowns);
        return;
    }
    std::vector<std::filesystem::path> files;
    for (auto it = std::filesystem::recursive_directory_iterator(input, ec);
         !ec && it != std::filesystem::recursive_directory_iterator(); it.increment(ec))
        if (it->is_regular_file(ec) && is_page_file(it->path())) files.push_back(it->path());
    if (ec) throw Error(input + ": cannot list the folder: " + ec.message());
    std::sort(files.begin(), files.end());
    if (files.empty()) throw Error(input + ": the folder holds no .html, .htm, .xml or .har file");
    for (const auto& file : files) read_file(file.string(), false, journal, unknowns);
}

bool looks_like_edutatar(std::string_view head) {
    if (har::looks_like_har(head))
        return head.find("edu.tatar.ru") != std::string_view::npos || head.find("/user/diary") != std::string_view::npos;
    if (looks_like_diary_xml(head)) return head.find("<page") != std::string_view::npos || head.find("<diary") != std::string_view::npos;
    for (std::string_view marker : {"edu.tatar.ru", "/user/diary", "term-marks", "class=\"xdiary\"", "tt-subj", "tableEx", "main_login2"})
        if (head.find(marker) != std::string_view::npos) return true;
    return false;
}

}  // namespace jb::edutatar
