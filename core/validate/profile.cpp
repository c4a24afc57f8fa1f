#include "core/validate/profile.hpp"

#include <algorithm>
#include <charconv>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/error.hpp"
#include "core/mapping_file.hpp"
#include "core/validate/rule.hpp"

namespace jb::validate {
namespace {

constexpr std::string_view kRulesPrefix = "rules.";

bool is_integer(std::string_view text) {
    long long value = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    return ec == std::errc() && end == text.data() + text.size();
}

bool is_real(std::string_view text) {
    if (text.empty()) return false;
    std::istringstream in{std::string(text)};
    double value = 0;
    in >> value;
    return !in.fail() && in.eof();
}

std::string known_rule_ids() {
    std::string out;
    for (const RuleSpec& rule : all_rules()) out += (out.empty() ? "" : ", ") + std::string(rule.id);
    return out;
}

std::string known_params(const RuleSpec& rule) {
    std::string out = "enabled, severity";
    for (const ParamSpec& p : rule.params) out += ", " + std::string(p.name);
    return out;
}

std::string_view type_name(ParamType type) {
    switch (type) {
    case ParamType::integer: return "a whole number";
    case ParamType::real: return "a number";
    case ParamType::boolean: return "true or false";
    case ParamType::text: return "a text";
    case ParamType::list: return "a list [\"…\", …]";
    case ParamType::integer_list: return "a list of whole numbers [1, …]";
    }
    return "a value";
}

bool is_intermediate_table(const MappingFile& file, const std::string& name) {
    if (!file.table(name).empty() || !file.list_names(name).empty()) return false;
    for (const std::string& other : file.table_names())
        if (other.size() > name.size() && other.rfind(name + ".", 0) == 0) return true;
    return false;
}

RuleSettings read_rule(const MappingFile& file, const std::string& table, const RuleSpec& rule) {
    const std::string& path = file.path();
    auto fail = [&](std::string_view key, const std::string& message) -> Error {
        return input_error(path, file.line_of(table, key), 0, "rule " + std::string(rule.id) + ": " + message);
    };
    RuleSettings settings;
    settings.enabled = true;
    settings.severity = rule.default_severity;
    for (const auto& [key, value] : file.table(table)) {
        if (key == "enabled") {
            if (value != "true" && value != "false") throw fail(key, "\"enabled\" must be true or false");
            settings.enabled = value == "true";
        } else if (key == "severity") {
            if (!parse_severity(value, settings.severity))
                throw fail(key, "severity \"" + value + "\" is not one of error, warning, info");
        } else if (const ParamSpec* param = rule.param(key)) {
            bool ok = param->type == ParamType::text ||
                      (param->type == ParamType::integer && is_integer(value)) ||
                      (param->type == ParamType::real && is_real(value)) ||
                      (param->type == ParamType::boolean && (value == "true" || value == "false"));
            if (!ok)
                throw fail(key, "parameter \"" + key + "\" must be " + std::string(type_name(param->type)) +
                                    ", not \"" + value + "\"");
            settings.values[key] = value;
        } else {
            throw fail(key, "unknown parameter \"" + key + "\" (this rule has: " + known_params(rule) + ")");
        }
    }
    for (const std::string& key : file.list_names(table)) {
        const ParamSpec* param = rule.param(key);
        if (param == nullptr)
            throw fail(key, "unknown parameter \"" + key + "\" (this rule has: " + known_params(rule) + ")");
        if (param->type != ParamType::list && param->type != ParamType::integer_list)
            throw fail(key, "parameter \"" + key + "\" must be " + std::string(type_name(param->type)) + ", not a list");
        if (param->type == ParamType::integer_list)
            for (const std::string& item : file.list(table, key))
                if (!is_integer(item))
                    throw fail(key, "parameter \"" + key + "\" must be " + std::string(type_name(param->type)) +
                                        ", not \"" + item + "\"");
        settings.lists[key] = file.list(table, key);
    }
    return settings;
}

}  // namespace

const RuleSettings* Profile::settings(std::string_view rule_id) const {
    auto it = rules.find(rule_id);
    if (it == rules.end() || !it->second.enabled) return nullptr;
    return &it->second;
}

Profile parse_profile(std::string_view text, const std::string& path, const std::string& fallback_name) {
    MappingFile file = MappingFile::parse(text, path);
    Profile profile;
    profile.path = path;
    profile.name = fallback_name;
    for (const auto& [key, value] : file.table("")) {
        if (key == "name") profile.name = value;
        else if (key == "description") profile.description = value;
        else
            throw input_error(path, file.line_of("", key), 0,
                              "unknown setting \"" + key + "\" (a profile has name, description and [rules.\"ID\"] tables)");
    }
    for (const std::string& key : file.list_names(""))
        throw input_error(path, file.line_of("", key), 0, "unknown setting \"" + key + "\"");
    for (const std::string& table : file.table_names()) {
        if (table.empty() || table == "rules" || is_intermediate_table(file, table)) continue;
        if (table.rfind(kRulesPrefix, 0) != 0)
            throw input_error(path, file.line_of(table), 0,
                              "unknown table [" + table + "] (rules are set in [rules.\"ID\"] tables)");
        const std::string id = table.substr(kRulesPrefix.size());
        const RuleSpec* rule = find_rule(id);
        if (rule == nullptr)
            throw input_error(path, file.line_of(table), 0,
                              "unknown rule \"" + id + "\" (known rules: " + known_rule_ids() + ")");
        profile.rules[id] = read_rule(file, table, *rule);
    }
    if (!file.table("rules").empty() || !file.list_names("rules").empty())
        throw input_error(path, file.line_of("rules"), 0, "settings under [rules] belong in a [rules.\"ID\"] table");
    return profile;
}

Profile load_profile(std::string_view name_or_path) {
    std::string path;
    std::string fallback;
    std::error_code ec;
    const bool looks_like_path = name_or_path.find('/') != std::string_view::npos ||
                                 (name_or_path.size() > 5 && name_or_path.substr(name_or_path.size() - 5) == ".toml");
    if (looks_like_path || std::filesystem::is_regular_file(std::string(name_or_path), ec)) {
        path = std::string(name_or_path);
        fallback = std::filesystem::path(path).stem().string();
    } else {
        path = find_mapping_file("profiles/" + std::string(name_or_path) + ".toml");
        fallback = std::string(name_or_path);
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) throw Error(path + ": cannot read the profile");
    std::ostringstream text;
    text << in.rdbuf();
    Profile profile = parse_profile(text.str(), path, fallback);
    if (!looks_like_path && profile.name != fallback) profile.name = fallback;
    return profile;
}

std::vector<std::string> shipped_profile_names() {
    return {"base", "ru-tatarstan", "ru-municipal", "ru-kbr", "ru-mosreg", "ru-samara"};
}

}  // namespace jb::validate
