#include "tools/gen-synthetic/checked_sink.hpp"

#include <algorithm>
#include <stdexcept>
#include <string>

#include "core/text_format.hpp"

namespace jb::synth {

void CheckedSink::put(const TableSpec& spec, const Row& row) {
    for (std::size_t i = 0; i < spec.columns.size(); ++i) {
        const Column& column = spec.columns[i];
        const auto* text = std::get_if<std::string>(&row[i]);
        if (!text || text->empty()) continue;
        bool ok = is_valid_text_format(column.format, *text);
        if (!column.allowed.empty())
            ok = ok && std::find(column.allowed.begin(), column.allowed.end(), *text) != column.allowed.end();
        if (!ok)
            throw std::logic_error("generated an invalid " + std::string(spec.table) + "." + std::string(column.name) +
                                   ": '" + *text + "'");
    }
    next_.put(spec, row);
    if ((++records_ & 0xfff) == 0) progress_.tick(records_);
}

}  // namespace jb::synth
