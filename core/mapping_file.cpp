#include "core/mapping_file.hpp"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <toml++/toml.h>

#include "core/error.hpp"

#ifndef JBRIDGE_SOURCE_MAPPINGS
#define JBRIDGE_SOURCE_MAPPINGS "mappings"
#endif
#ifndef JBRIDGE_INSTALLED_MAPPINGS
#define JBRIDGE_INSTALLED_MAPPINGS "/usr/local/share/jbridge/mappings"
#endif

namespace jb {
namespace {

std::string joined(std::string_view table, std::string_view key) {
    std::string out(table);
    out += '\x1f';
    out += key;
    return out;
}

std::optional<std::string> scalar_text(const toml::node& node) {
    if (const auto* s = node.as_string()) return s->get();
    if (const auto* i = node.as_integer()) return std::to_string(i->get());
    if (const auto* f = node.as_floating_point()) {
        std::ostringstream out;
        out << f->get();
        return out.str();
    }
    if (const auto* b = node.as_boolean()) return b->get() ? "true" : "false";
    return std::nullopt;
}

std::size_t line_of_node(const toml::node& node) { return static_cast<std::size_t>(node.source().begin.line); }

}  // namespace

MappingFile MappingFile::parse(std::string_view text, const std::string& path) {
    MappingFile file;
    file.path_ = path;
    toml::table root;
    try {
        root = toml::parse(text, path);
    } catch (const toml::parse_error& error) {
        throw input_error(path, static_cast<std::size_t>(error.source().begin.line),
                          static_cast<std::size_t>(error.source().begin.column), std::string(error.description()));
    }
    // Walks tables depth-first; scalars at the top level belong to the table "".
    auto walk = [&](auto&& self, const toml::table& table, const std::string& name) -> void {
        auto& values = file.tables_[name];
        for (const auto& [key, node] : table) {
            const std::string key_text(key.str());
            if (const auto* sub = node.as_table()) {
                const std::string sub_name = name.empty() ? key_text : name + "." + key_text;
                file.lines_[sub_name] = line_of_node(*sub);
                self(self, *sub, sub_name);
            } else if (const auto* array = node.as_array()) {
                auto& list = file.lists_[joined(name, key_text)];
                for (const auto& item : *array) {
                    const auto value = scalar_text(item);
                    if (!value) {
                        throw input_error(path, line_of_node(item), static_cast<std::size_t>(item.source().begin.column),
                                          "\"" + key_text + "\" must be a list of plain values");
                    }
                    list.push_back(*value);
                }
                file.lines_[joined(name, key_text)] = line_of_node(node);
            } else if (const auto value = scalar_text(node)) {
                values[key_text] = *value;
                file.lines_[joined(name, key_text)] = line_of_node(node);
            }
        }
    };
    walk(walk, root, "");
    return file;
}

MappingFile MappingFile::load_path(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw Error(path + ": cannot open the mapping file");
    std::ostringstream text;
    text << in.rdbuf();
    return parse(text.str(), path);
}

MappingFile MappingFile::load(std::string_view name) { return load_path(find_mapping_file(name)); }

std::optional<std::string> MappingFile::find(std::string_view table, std::string_view key) const {
    const auto t = tables_.find(table);
    if (t == tables_.end()) return std::nullopt;
    const auto v = t->second.find(key);
    if (v == t->second.end()) return std::nullopt;
    return v->second;
}

const std::map<std::string, std::string, std::less<>>& MappingFile::table(std::string_view name) const {
    static const std::map<std::string, std::string, std::less<>> empty;
    const auto t = tables_.find(name);
    return t == tables_.end() ? empty : t->second;
}

const std::vector<std::string>& MappingFile::list(std::string_view table, std::string_view key) const {
    static const std::vector<std::string> empty;
    const auto l = lists_.find(joined(table, key));
    return l == lists_.end() ? empty : l->second;
}

std::size_t MappingFile::line_of(std::string_view table, std::string_view key) const {
    const auto l = lines_.find(key.empty() ? std::string(table) : joined(table, key));
    return l == lines_.end() ? 0 : l->second;
}

std::vector<std::string> MappingFile::table_names() const {
    std::vector<std::string> names;
    for (const auto& [name, values] : tables_) names.push_back(name);
    return names;
}

std::vector<std::string> MappingFile::list_names(std::string_view table) const {
    std::vector<std::string> names;
    const std::string prefix = joined(table, "");
    for (auto it = lists_.lower_bound(prefix); it != lists_.end() && it->first.rfind(prefix, 0) == 0; ++it) {
        names.push_back(it->first.substr(prefix.size()));
    }
    return names;
}

std::vector<std::string> mapping_directories() {
    std::vector<std::string> dirs;
    if (const char* env = std::getenv("JBRIDGE_MAPPINGS"); env != nullptr && *env != '\0') {
        std::string_view list(env);
        while (!list.empty()) {
            const auto colon = list.find(':');
            if (colon != 0) dirs.emplace_back(list.substr(0, colon));
            if (colon == std::string_view::npos) break;
            list.remove_prefix(colon + 1);
        }
    }
    dirs.emplace_back(JBRIDGE_INSTALLED_MAPPINGS);
    dirs.emplace_back(JBRIDGE_SOURCE_MAPPINGS);
    return dirs;
}

std::string find_mapping_file(std::string_view name) {
    std::string searched;
    for (const auto& dir : mapping_directories()) {
        const auto candidate = std::filesystem::path(dir) / name;
        std::error_code ec;
        if (std::filesystem::is_regular_file(candidate, ec)) return candidate.string();
        searched += "\n  " + candidate.string();
    }
    throw Error("mapping file " + std::string(name) + " not found; looked for:" + searched +
                "\n(set JBRIDGE_MAPPINGS to the folder that holds it)");
}

}  // namespace jb
