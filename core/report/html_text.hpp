#pragma once
#include <cstdint>
#include <string>
#include <string_view>

// Small text helpers shared by the HTML page and its SVG charts.
namespace jb::report {

// Escapes & < > " ' so any name can go into element text and attribute values.
std::string html_escape(std::string_view text);

// A number the Russian way: "0,5", "12", "75,3" (at most `decimals` digits after the comma, trailing
// zeros dropped).
std::string russian_number(double value, int decimals = 1);

// "75,3 %" of part in whole; "—" when whole is 0.
std::string percent_text(std::int64_t part, std::int64_t whole);

// Class names in school order: by the leading grade number («5А» before «10Б»), then the rest;
// an empty name (findings about no class) last.
struct ClassOrder {
    bool operator()(const std::string& a, const std::string& b) const;
};

}  // namespace jb::report
