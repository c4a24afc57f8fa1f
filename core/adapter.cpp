#include "core/adapter.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "core/error.hpp"
#include "core/net/puller.hpp"

namespace jb {
namespace {

std::vector<std::unique_ptr<Adapter>>& registry() {
    static std::vector<std::unique_ptr<Adapter>> adapters;
    return adapters;
}

}  // namespace

nlohmann::json to_json(const AdapterInfo& info) {
    nlohmann::json options = nlohmann::json::array();
    for (const auto& option : info.options)
        options.push_back({{"name", option.name}, {"description", option.description}, {"default", option.default_value}});
    return {{"name", info.name},         {"platform", info.platform}, {"version", info.version},
            {"read", info.reads},        {"write", info.writes},      {"offline", info.offline},
            {"online", info.online || net::find_puller(info.name) != nullptr},  // a registered puller
            {"folders", info.reads_folders}, {"entities", info.entities}, {"inputs", info.inputs},
            {"options", options}};
}

InputProbe probe_input(const std::string& path) {
    InputProbe probe;
    probe.path = path;
    std::error_code ec;
    if (!std::filesystem::exists(path, ec)) throw Error(path + ": no such file");
    probe.is_directory = std::filesystem::is_directory(path, ec);
    if (probe.is_directory) return probe;
    if (!std::filesystem::is_regular_file(path, ec))
        throw Error(path + ": not a regular file (an input is read twice, once to keep it as a raw capture and once "
                           "to import it, so pipes cannot be used; save it to a file first)");
    std::ifstream in(path, std::ios::binary);
    if (!in) throw Error(path + ": cannot read input");
    probe.head.resize(64 * 1024);
    in.read(probe.head.data(), static_cast<std::streamsize>(probe.head.size()));
    probe.head.resize(static_cast<std::size_t>(in.gcount()));
    return probe;
}

void Adapter::read(const std::string& input, const ReadContext&, Sink&) const {
    throw Error(input + ": adapter " + info().name + " cannot read");
}

void Adapter::read_all(const std::vector<std::string>& inputs, const ReadContext& context, Sink& sink) const {
    for (const auto& input : inputs) read(input, context, sink);
}

void Adapter::write(sql::Db&, std::ostream&, Progress*) const {
    throw Error("adapter " + info().name + " cannot write");
}

bool register_adapter(std::unique_ptr<Adapter> adapter) {
    registry().push_back(std::move(adapter));
    return true;
}

const Adapter* find_adapter(const std::string& name) {
    for (const auto& adapter : registry())
        if (adapter->info().name == name) return adapter.get();
    return nullptr;
}

std::vector<const Adapter*> registered_adapters() {
    std::vector<const Adapter*> result;
    for (const auto& adapter : registry()) result.push_back(adapter.get());
    std::sort(result.begin(), result.end(),
              [](const Adapter* a, const Adapter* b) { return a->info().name < b->info().name; });
    return result;
}

const Adapter& identify_adapter(const std::string& input) {
    InputProbe probe = probe_input(input);
    const Adapter* best = nullptr;
    Confidence best_confidence = Confidence::no;
    for (const Adapter* adapter : registered_adapters()) {
        if (!adapter->info().reads) continue;
        Confidence confidence = adapter->identify(probe);
        if (confidence > best_confidence) {
            best = adapter;
            best_confidence = confidence;
        }
    }
    if (!best) throw Error(input + ": no adapter recognises this input; name one with --from (see `jbridge adapters`)");
    return *best;
}

}  // namespace jb
