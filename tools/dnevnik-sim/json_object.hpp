#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace jb::dnevnik_sim {

// The JSON text of an object, built member by member without a DOM and written with its members
// sorted by name: byte for byte what nlohmann::json::dump gives for the same object. Member names,
// distinct, are plain ASCII that needs no escaping; members added in name order sort quickest.
class JsonObject {
public:
    JsonObject();
    JsonObject& number(std::string name, std::int64_t value);
    JsonObject& string(std::string name, std::string_view value);
    JsonObject& boolean(std::string name, bool value);
    JsonObject& null(std::string name);
    JsonObject& raw(std::string name, std::string_view json);  // a value already written as JSON
    // `name` with the id as a number and `name`_str with it as a string, as the Dnevnik API pairs them.
    JsonObject& id(std::string_view name, std::int64_t id);

    std::string text();

private:
    struct Member {
        std::string name;
        std::size_t begin = 0, size = 0;  // of its value in values_
    };
    JsonObject& add(std::string name, std::size_t begin);

    std::vector<Member> members_;
    std::string values_;  // the members' values as JSON, one after another
};

// A JSON array of values already written as JSON.
std::string json_array(const std::vector<std::string>& items);

}  // namespace jb::dnevnik_sim
