#pragma once
#include <stdexcept>
#include <string>

namespace jb {

// A failure the user can act on. The message names the file and, where known, the place in it.
class Error : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// "FILE:LINE:COLUMN: message" (column omitted when 0).
Error input_error(const std::string& file, std::size_t line, std::size_t column, const std::string& message);

}  // namespace jb
