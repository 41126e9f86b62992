import Foundation

/// A file of `Resources/`, as the build embedded it.
enum EmbeddedFile {
    /// The bytes of an embedded file.
    static func data(named name: String) throws -> Data {
        guard let base64 = EmbeddedResources.files[name], let data = Data(base64Encoded: base64) else {
            throw ValidationError("the build does not carry Resources/\(name)")
        }
        return data
    }
}
