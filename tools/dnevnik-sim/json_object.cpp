#include "tools/dnevnik-sim/json_object.hpp"

#include <algorithm>

#include "tools/dnevnik-sim/json_text.hpp"

namespace jb::dnevnik_sim {

JsonObject& JsonObject::number(std::string name, std::int64_t value) { return raw(std::move(name), std::to_string(value)); }

JsonObject& JsonObject::string(std::string name, std::string_view value) {
    std::string quoted;
    append_json_string(quoted, value);
    return raw(std::move(name), std::move(quoted));
}

JsonObject& JsonObject::boolean(std::string name, bool value) { return raw(std::move(name), value ? "true" : "false"); }

JsonObject& JsonObject::null(std::string name) { return raw(std::move(name), "null"); }

JsonObject& JsonObject::raw(std::string name, std::string json) {
    members_.emplace_back(std::move(name), std::move(json));
    return *this;
}

JsonObject& JsonObject::id(std::string_view name, std::int64_t id) {
    number(std::string(name), id);
    return string(std::string(name) + "_str", std::to_string(id));
}

std::string JsonObject::text() {
    std::sort(members_.begin(), members_.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    std::string out = "{";
    for (const auto& [name, value] : members_) {
        if (out.size() > 1) out += ',';
        append_json_string(out, name);
        out += ':';
        out += value;
    }
    out += '}';
    return out;
}

std::string json_array(const std::vector<std::string>& items) {
    std::string out = "[";
    for (const std::string& item : items) {
        if (out.size() > 1) out += ',';
        out += item;
    }
    out += ']';
    return out;
}

}  // namespace jb::dnevnik_sim
