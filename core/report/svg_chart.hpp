#pragma once
#include <string>
#include <vector>

// A horizontal grouped bar chart as inline SVG (no scripts, no external resources).
namespace jb::report {

struct BarSeries {
    std::string name;   // legend text
    std::string color;  // CSS colour, e.g. "#3b6fb6"
};

struct BarRow {
    std::string label;                 // left of the bars
    std::vector<double> values;        // one per series
    std::vector<std::string> labels;   // text after each bar, one per series
};

// `max_value` is the right end of the axis; `ticks` values get grid lines with `unit` after them.
std::string svg_bar_chart(const std::vector<BarSeries>& series, const std::vector<BarRow>& rows, double max_value,
                          const std::vector<double>& ticks, const std::string& unit, const std::string& description);

}  // namespace jb::report
