// Prints the JSON Schema of a native bundle line, generated from the model's table specs:
//   build/tools/native-schema > docs/native-bundle.schema.json
#include <cstdio>
#include <nlohmann/json.hpp>

#include "adapters/native/native_format.hpp"

int main() {
    std::printf("%s\n", jb::native::json_schema().dump(2).c_str());
    return 0;
}
