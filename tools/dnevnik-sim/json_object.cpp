#include "tools/dnevnik-sim/json_object.hpp"

#include <algorithm>
#include <charconv>

#include "tools/dnevnik-sim/json_text.hpp"

namespace jb::dnevnik_sim {
namespace {

void append_number(std::string& out, std::int64_t value) {
    char digits[24];
    out.append(digits, std::to_chars(digits, digits + sizeof digits, value).ptr);
}

}  // namespace

JsonObject::JsonObject() {
    members_.reserve(24);  // the largest object the school writes (a work) has 22 members
    values_.reserve(512);
}

JsonObject& JsonObject::add(std::string name, std::size_t begin) {
    members_.push_back({std::move(name), begin, values_.size() - begin});
    return *this;
}

JsonObject& JsonObject::number(std::string name, std::int64_t value) {
    std::size_t begin = values_.size();
    append_number(values_, value);
    return add(std::move(name), begin);
}

JsonObject& JsonObject::string(std::string name, std::string_view value) {
    std::size_t begin = values_.size();
    append_json_string(values_, value);
    return add(std::move(name), begin);
}

JsonObject& JsonObject::boolean(std::string name, bool value) { return raw(std::move(name), value ? "true" : "false"); }

JsonObject& JsonObject::null(std::string name) { return raw(std::move(name), "null"); }

JsonObject& JsonObject::raw(std::string name, std::string_view json) {
    std::size_t begin = values_.size();
    values_ += json;
    return add(std::move(name), begin);
}

JsonObject& JsonObject::id(std::string_view name, std::int64_t id) {
    char digits[24];
    std::string_view number(digits, static_cast<std::size_t>(std::to_chars(digits, digits + sizeof digits, id).ptr - digits));
    raw(std::string(name), number);
    std::size_t begin = values_.size();
    values_ += '"';
    values_ += number;
    values_ += '"';
    return add(std::string(name) + "_str", begin);
}

std::string JsonObject::text() {
    std::sort(members_.begin(), members_.end(), [](const Member& a, const Member& b) { return a.name < b.name; });
    std::size_t length = 2 + members_.size() * 4;  // the braces; each member's quotes, colon and comma
    for (const Member& member : members_) length += member.name.size() + member.size;
    std::string out;
    out.reserve(length);
    out += '{';
    for (const Member& member : members_) {
        if (out.size() > 1) out += ',';
        out += '"';
        out += member.name;
        out += "\":";
        out.append(values_, member.begin, member.size);
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
