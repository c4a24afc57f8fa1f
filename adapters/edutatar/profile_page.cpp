// «Моя анкета» (/user/anketa) and the pupil line over the табель and week grid: who the pupil is.
#include "adapters/edutatar/pages.hpp"
#include "core/subject_names.hpp"

namespace jb::edutatar {
namespace {

std::string iso_from_dotted(const std::string& text) {  // dd.mm.yyyy
    if (text.size() != 10 || text[2] != '.' || text[5] != '.') return {};
    for (std::size_t i : {0u, 1u, 3u, 4u, 6u, 7u, 8u, 9u})
        if (text[i] < '0' || text[i] > '9') return {};
    return text.substr(6, 4) + "-" + text.substr(3, 2) + "-" + text.substr(0, 2);
}

void keep(std::string& field, const std::string& value) {
    if (field.empty()) field = value;
}

}  // namespace

void read_profile_page(xmlNode* root, const PageSource& source, Journal& journal) {
    Profile& profile = journal.profile;
    for (xmlNode* table : find_all(root, [](const xmlNode* n) { return is_element(n, "table") && has_class(n, "tableEx"); })) {
        for (xmlNode* row : find_all(table, [](const xmlNode* n) { return is_element(n, "tr"); })) {
            auto cells = child_elements(row, "td");
            if (cells.size() < 2) continue;
            std::string label = subject_match_key(flat_text_of(cells.front()));
            if (!label.empty() && label.back() == ':') label.pop_back();
            std::string value = flat_text_of(cells.back());
            if (value.empty()) continue;
            if (label == "имя") keep(profile.full_name, value);
            else if (label == "школа") keep(profile.school, value);
            else if (label == "класс") keep(profile.class_name, value);
            else if (label == "дата рождения") keep(profile.birth_date, iso_from_dotted(value));
            else if (label == "пол") {
                std::string sex = subject_match_key(value);
                keep(profile.sex, sex == "мужской" ? "male" : sex == "женский" ? "female" : "");
            }
        }
    }
    if (journal.profile_file.empty()) journal.profile_file = source.name;
}

void read_pupil_line(xmlNode* root, Journal& journal) {
    xmlNode* line = find_first(root, [](const xmlNode* n) {
        if (!is_element(n) || tag_of(n) == "html" || tag_of(n) == "body") return false;
        std::string text = flat_text_of(n);
        return text.starts_with("Учащийся:") && text.size() < 300;
    });
    if (!line) return;
    if (xmlNode* name = find_first(line, [](const xmlNode* n) { return is_element(n, "strong") || is_element(n, "b"); }))
        keep(journal.profile.full_name, flat_text_of(name));
    std::string text = flat_text_of(line);
    std::string class_name;
    if (auto at = text.find("Класс:"); at != std::string::npos) {
        class_name = collapse_spaces(text.substr(at + std::string_view("Класс:").size()));
        class_name = class_name.substr(0, class_name.find_first_of(", "));
    } else if (auto word = text.rfind(" класс"); word != std::string::npos) {
        std::string before = text.substr(0, word);
        class_name = before.substr(before.find_last_of(", ") + 1);
    }
    keep(journal.profile.class_name, class_name);
}

}  // namespace jb::edutatar
