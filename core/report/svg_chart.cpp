#include "core/report/svg_chart.hpp"

#include <algorithm>
#include <cstdio>

#include "core/report/html_text.hpp"

namespace jb::report {
namespace {

constexpr int width = 1000;
constexpr int label_width = 260;
constexpr int value_room = 90;   // right of the longest bar, for its label
constexpr int bar_height = 13;
constexpr int row_gap = 10;
constexpr int top = 44;          // legend and axis labels

std::string number(double value) { return russian_number(value, 1); }
// SVG coordinates: a dot as decimal separator, one decimal.
std::string px(double value) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.1f", value);
    return buffer;
}

}  // namespace

std::string svg_bar_chart(const std::vector<BarSeries>& series, const std::vector<BarRow>& rows, double max_value,
                          const std::vector<double>& ticks, const std::string& unit, const std::string& description) {
    const double plot = width - label_width - value_room;
    const double scale = max_value > 0 ? plot / max_value : 0.0;
    const int row_height = static_cast<int>(series.size()) * bar_height + row_gap;
    const int height = top + static_cast<int>(rows.size()) * row_height + 8;
    std::string svg = "<svg class=\"chart\" role=\"img\" viewBox=\"0 0 " + std::to_string(width) + " " +
                      std::to_string(height) + "\" width=\"" + std::to_string(width) + "\" height=\"" +
                      std::to_string(height) + "\"><title>" + html_escape(description) + "</title>\n";
    int legend_x = label_width;
    for (const BarSeries& s : series) {
        svg += "<rect x=\"" + std::to_string(legend_x) + "\" y=\"4\" width=\"12\" height=\"12\" fill=\"" +
               html_escape(s.color) + "\"/><text x=\"" + std::to_string(legend_x + 17) + "\" y=\"14\">" +
               html_escape(s.name) + "</text>\n";
        legend_x += 30 + static_cast<int>(s.name.size()) * 4;  // UTF-8 Cyrillic is 2 bytes a letter
    }
    for (double tick : ticks) {
        double x = label_width + tick * scale;
        svg += "<line class=\"grid\" x1=\"" + px(x) + "\" y1=\"" + std::to_string(top - 6) + "\" x2=\"" + px(x) +
               "\" y2=\"" + std::to_string(height - 4) + "\"/><text class=\"tick\" x=\"" + px(x) + "\" y=\"" +
               std::to_string(top - 10) + "\">" + html_escape(number(tick) + unit) + "</text>\n";
    }
    int y = top;
    for (const BarRow& row : rows) {
        int middle = y + static_cast<int>(series.size()) * bar_height / 2 + 4;
        svg += "<text class=\"label\" x=\"" + std::to_string(label_width - 8) + "\" y=\"" + std::to_string(middle) +
               "\">" + html_escape(row.label) + "</text>\n";
        for (std::size_t i = 0; i < series.size() && i < row.values.size(); ++i) {
            double length = std::clamp(row.values[i], 0.0, max_value) * scale;
            int bar_y = y + static_cast<int>(i) * bar_height;
            svg += "<rect x=\"" + std::to_string(label_width) + "\" y=\"" + std::to_string(bar_y) + "\" width=\"" +
                   px(length) + "\" height=\"" + std::to_string(bar_height - 2) + "\" fill=\"" +
                   html_escape(series[i].color) + "\"/>";
            if (i < row.labels.size())
                svg += "<text class=\"value\" x=\"" + px(label_width + length + 4) + "\" y=\"" +
                       std::to_string(bar_y + bar_height - 3) + "\">" + html_escape(row.labels[i]) + "</text>";
            svg += "\n";
        }
        y += row_height;
    }
    svg += "</svg>\n";
    return svg;
}

}  // namespace jb::report
