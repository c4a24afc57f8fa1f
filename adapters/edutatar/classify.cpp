#include "adapters/edutatar/pages.hpp"
#include "core/subject_names.hpp"

namespace jb::edutatar {

PageKind classify_page(xmlNode* root) {
    auto any = [root](auto match) { return find_first(root, match) != nullptr; };
    if (any([](const xmlNode* n) {
            std::string name = attribute(n, "name");
            return is_element(n, "input") && (name == "main_login" || name == "main_login2" ||
                                              name == "main_password" || name == "main_password2");
        }))
        return PageKind::login;
    if (any([](const xmlNode* n) { return is_element(n, "table") && has_class(n, "term-marks"); })) return PageKind::term;
    if (any([](const xmlNode* n) { return has_class(n, "xdiary") || has_class(n, "d-date"); })) return PageKind::day;
    if (any([](const xmlNode* n) { return has_class(n, "week-selector") || has_class(n, "tt-subj"); }))
        return PageKind::week;
    if (year_table(root)) return PageKind::year;
    if (any([](const xmlNode* n) { return is_element(n, "table") && has_class(n, "tableEx"); })) return PageKind::profile;
    // A table of marks whose headers nobody has seen: report it rather than skip it.
    if (any([](const xmlNode* n) {
            if (!is_element(n, "table")) return false;
            xmlNode* header = header_row(const_cast<xmlNode*>(n));
            auto cells = header ? header_cells(header) : std::vector<HeaderCell>{};
            return !cells.empty() && subject_match_key(cells.front().text) == "предмет";
        }))
        return PageKind::unknown_table;
    std::string text = flat_text_of(root);
    if (text.find("Restricted IP") != std::string::npos && text.size() < 200) return PageKind::restricted;
    if (text.find("Расписание не найдено") != std::string::npos) return PageKind::day;
    return PageKind::other;
}

}  // namespace jb::edutatar
