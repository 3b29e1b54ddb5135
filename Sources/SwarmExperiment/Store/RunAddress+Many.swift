import Foundation

extension RunAddress {
    /// The addresses of `specs`, in order, hashed on every core. The coordinator hashes a plan's
    /// addresses before its runs can start (registering the plan, asking the store which runs it
    /// holds), and one by one there they would be serial work for every run of the sweep.
    static func of(_ specs: [RunSpec]) -> [RunAddress] {
        let slices = min(specs.count / 8, 4 * ProcessInfo.processInfo.activeProcessorCount)
        guard slices > 1 else { return specs.map(RunAddress.init) }
        var addresses = [RunAddress?](repeating: nil, count: specs.count)
        addresses.withUnsafeMutableBufferPointer { buffer in
            // Each slice writes its own elements only.
            nonisolated(unsafe) let elements = buffer
            DispatchQueue.concurrentPerform(iterations: slices) { slice in
                for index in slice * specs.count / slices..<(slice + 1) * specs.count / slices {
                    elements[index] = RunAddress(specs[index])
                }
            }
        }
        return addresses.map { $0! }
    }
}
