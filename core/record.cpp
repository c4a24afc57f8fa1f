#include "core/record.hpp"

#include <stdexcept>

#include "core/sink.hpp"

namespace jb {

RecordBuilder::RecordBuilder(const TableSpec& spec) : spec_(spec), row_(spec.columns.size()) {
    for (std::size_t i = 0; i < spec.columns.size(); ++i) {
        switch (spec.columns[i].type) {
            case ColumnType::text: row_[i] = std::string(); break;
            case ColumnType::integer:
            case ColumnType::boolean: row_[i] = std::int64_t{0}; break;
            default: break;
        }
    }
}

RecordBuilder& RecordBuilder::set(std::string_view column, Value value) {
    int index = spec_.index_of(column);
    if (index <= 0) throw std::logic_error("table " + std::string(spec_.table) + " has no column " + std::string(column));
    row_[static_cast<std::size_t>(index)] = std::move(value);
    return *this;
}

Id RecordBuilder::id() const { return derive_id(spec_, row_); }

const Row& RecordBuilder::row() {
    row_[0] = id();
    return row_;
}

Id RecordBuilder::put(Sink& sink) {
    sink.put(spec_, row());
    return std::get<std::int64_t>(row_[0]);
}

}  // namespace jb
