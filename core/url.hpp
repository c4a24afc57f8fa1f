#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace jb {

// scheme://host[:port]/path?query#fragment, split without validation; query pairs are decoded.
struct Url {
    std::string scheme;
    std::string host;  // with the port, as written
    std::string path;  // "/" when empty
    std::vector<std::pair<std::string, std::string>> query;

    std::optional<std::string> query_value(std::string_view name) const;  // first match, exact name
};

Url parse_url(std::string_view url);

// application/x-www-form-urlencoded decoding ('+' is a space; a bad escape is kept as written).
std::string percent_decode(std::string_view text);
std::vector<std::pair<std::string, std::string>> parse_form(std::string_view text);
std::string percent_encode(std::string_view text);

}  // namespace jb
