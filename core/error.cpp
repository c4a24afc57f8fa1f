#include "core/error.hpp"

namespace jb {

Error input_error(const std::string& file, std::size_t line, std::size_t column, const std::string& message) {
    std::string where = file + ":" + std::to_string(line);
    if (column > 0) where += ":" + std::to_string(column);
    return Error(where + ": " + message);
}

}  // namespace jb
