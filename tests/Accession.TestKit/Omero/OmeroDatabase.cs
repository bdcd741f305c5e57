namespace Accession.TestKit.Omero;

/// <summary>
/// The fake server's data: groups, users, filesets, images, map annotations and their links. Ids come
/// from one counter per type like OMERO's database sequences. Thread-safe: one lock guards everything.
/// </summary>
internal sealed class OmeroDatabase(TimeProvider clock)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<long, FakeOmeroGroup> _groups = [];
    private readonly Dictionary<string, FakeOmeroUser> _usersByName = new(StringComparer.Ordinal);
    private readonly Dictionary<long, FakeOmeroUser> _users = [];
    private readonly Dictionary<long, (FakeOmeroFile File, FakeOmeroFileset Fileset)> _files = [];
    private readonly Dictionary<long, FakeOmeroImage> _images = [];
    private readonly Dictionary<long, MapAnnotationRow> _annotations = [];
    private readonly Dictionary<long, List<LinkRow>> _linksByImage = [];
    private readonly Dictionary<(long User, long Group, long Owner), (int Version, FakeOmeroImage[] Images)> _listings = [];

    // OMERO's bootstrap rows take the first ids: groups system(0), user(1), guest(2); users root(0), guest(1).
    private long _nextGroupId = 3;
    private long _nextUserId = 2;
    private long _nextFilesetId = 1;
    private long _nextFileId = 1;
    private long _nextImageId = 1;
    private long _nextAnnotationId = 1;
    private long _nextLinkId = 1;
    private int _imagesVersion;
    private FakeOmeroImage[]? _sortedImages;
    private AnnotationCounts _counts;

    public TimeProvider Clock => clock;

    public FakeOmeroGroup AddGroup(string name, string permissions)
    {
        if (permissions.Length != 6)
        {
            throw new ArgumentException("Permissions are six letters such as rwr---.", nameof(permissions));
        }

        lock (_gate)
        {
            var group = new FakeOmeroGroup(_nextGroupId++, name, permissions);
            _groups.Add(group.Id, group);
            return group;
        }
    }

    public FakeOmeroUser AddUser(string userName, string password, bool isAdmin, FakeOmeroGroup[] groups)
    {
        lock (_gate)
        {
            if (_usersByName.ContainsKey(userName))
            {
                throw new ArgumentException($"User {userName} exists already.", nameof(userName));
            }

            var user = new FakeOmeroUser(_nextUserId++, userName, userName, "Tester", isAdmin, [.. groups])
            {
                Password = password,
            };
            _users.Add(user.Id, user);
            _usersByName.Add(userName, user);
            return user;
        }
    }

    public FakeOmeroUser? FindUser(string userName)
    {
        lock (_gate)
        {
            return _usersByName.GetValueOrDefault(userName);
        }
    }

    public FakeOmeroUser? FindUser(long id)
    {
        lock (_gate)
        {
            return _users.GetValueOrDefault(id);
        }
    }

    public FakeOmeroFileset AddFileset(FakeOmeroUser owner, FakeOmeroGroup group, FakeOmeroFileSpec[] specs, string? templatePrefix)
    {
        if (specs.Length == 0)
        {
            throw new ArgumentException("A fileset has at least one file.", nameof(specs));
        }

        lock (_gate)
        {
            var id = _nextFilesetId++;
            var now = clock.GetUtcNow();
            var prefix = templatePrefix ?? $"{owner.UserName}_{owner.Id}/{now:yyyy-MM}/{now:dd}/{now:HH-mm-ss}.{id:D3}/";
            if (!prefix.EndsWith('/'))
            {
                prefix += "/";
            }

            var files = new List<FakeOmeroFile>(specs.Length);
            foreach (var spec in specs)
            {
                var relative = spec.RelativePath.Replace('\\', '/').TrimStart('/');
                var slash = relative.LastIndexOf('/');
                var folder = slash < 0 ? "" : relative[..(slash + 1)];
                var name = relative[(slash + 1)..];
                var file = new FakeOmeroFile(
                    _nextFileId++,
                    name,
                    prefix + folder,
                    spec.ClientPath ?? $"data/import-{id}/{relative}",
                    spec.MimeType,
                    spec.Content);
                files.Add(file);
            }

            var fileset = new FakeOmeroFileset(id, prefix, owner, group, files);
            foreach (var file in files)
            {
                _files.Add(file.Id, (file, fileset));
            }

            return fileset;
        }
    }

    public FakeOmeroImage AddImage(string name, FakeOmeroFileset fileset, long? id, Func<FakeOmeroImage, FakeOmeroImage>? adjust)
    {
        lock (_gate)
        {
            var imageId = id ?? _nextImageId;
            if (_images.ContainsKey(imageId))
            {
                throw new ArgumentException($"Image {imageId} exists already.", nameof(id));
            }

            _nextImageId = Math.Max(_nextImageId, imageId + 1);
            var image = new FakeOmeroImage(imageId, name, fileset, clock.GetUtcNow());
            image = adjust?.Invoke(image) ?? image;
            _images.Add(imageId, image);
            ImagesChanged();
            return image;
        }
    }

    /// <summary>
    /// Gives an original file new bytes, as bit rot or tampering in the managed repository would: every
    /// image of its fileset then serves them.
    /// </summary>
    public void ReplaceFileContent(long fileId, FakeFileContent content)
    {
        lock (_gate)
        {
            if (!_files.TryGetValue(fileId, out var row))
            {
                throw new ArgumentException($"No original file {fileId}.", nameof(fileId));
            }

            var file = row.File with { Content = content };
            var fileset = row.Fileset with { Files = [.. row.Fileset.Files.Select(other => other.Id == fileId ? file : other)] };
            foreach (var other in fileset.Files)
            {
                _files[other.Id] = (other, fileset);
            }

            foreach (var image in _images.Values.Where(image => image.Fileset.Id == fileset.Id).ToList())
            {
                _images[image.Id] = image with { Fileset = fileset };
            }

            ImagesChanged();
        }
    }

    /// <summary>Deletes an image with its annotation links; a fileset no image uses any more goes too.</summary>
    public bool DeleteImage(long imageId)
    {
        lock (_gate)
        {
            if (!_images.Remove(imageId, out var image))
            {
                return false;
            }

            if (_linksByImage.Remove(imageId, out var links))
            {
                foreach (var link in links)
                {
                    var annotation = _annotations[link.AnnotationId];
                    annotation.ImageIds.Remove(imageId);
                    if (annotation.ImageIds.Count == 0)
                    {
                        _annotations.Remove(annotation.Id);
                    }
                }
            }

            if (!_images.Values.Any(other => other.Fileset.Id == image.Fileset.Id))
            {
                foreach (var file in image.Fileset.Files)
                {
                    _files.Remove(file.Id);
                }
            }

            ImagesChanged();
            return true;
        }
    }

    public FakeOmeroGroup? FindGroup(long id)
    {
        lock (_gate)
        {
            return _groups.GetValueOrDefault(id);
        }
    }

    public FakeOmeroImage? FindImage(long id)
    {
        lock (_gate)
        {
            return _images.GetValueOrDefault(id);
        }
    }

    /// <summary>The image if it exists and <paramref name="user"/> may read it; unreadable looks missing.</summary>
    public FakeOmeroImage? ReadImage(FakeOmeroUser user, long id)
    {
        lock (_gate)
        {
            return _images.TryGetValue(id, out var image) && OmeroPermissions.CanRead(user, image) ? image : null;
        }
    }

    /// <summary>An original file <paramref name="user"/> may read (through any image of its fileset).</summary>
    public FakeOmeroFile? ReadFile(FakeOmeroUser user, long fileId)
    {
        lock (_gate)
        {
            return _files.TryGetValue(fileId, out var row) && OmeroPermissions.CanReadGroup(user, row.Fileset.Group, row.Fileset.Owner)
                ? row.File
                : null;
        }
    }

    /// <summary>
    /// Images <paramref name="user"/> can read in <paramref name="groupId"/> (-1: every group) owned by
    /// <paramref name="ownerId"/> (-1: anyone), ordered by lower(name) then id (spec omero.md §2.4).
    /// </summary>
    public FakeOmeroImage[] ListImages(FakeOmeroUser user, long groupId, long ownerId)
    {
        lock (_gate)
        {
            var key = (user.Id, groupId, ownerId);
            if (_listings.TryGetValue(key, out var cached) && cached.Version == _imagesVersion)
            {
                return cached.Images;
            }

            _sortedImages ??= [.. _images.Values
                .Select(image => (Lower: image.Name.ToLowerInvariant(), Image: image))
                .OrderBy(row => row.Lower, StringComparer.Ordinal)
                .ThenBy(row => row.Image.Id)
                .Select(row => row.Image)];
            var visible = _sortedImages
                .Where(image => OmeroPermissions.CanRead(user, image)
                    && (groupId == -1 || image.Group.Id == groupId)
                    && (ownerId == -1 || image.Owner.Id == ownerId))
                .ToArray();
            _listings[key] = (_imagesVersion, visible);
            return visible;
        }
    }

    /// <summary>Links from readable images in <paramref name="imageIds"/> to map annotations, ordered by namespace.</summary>
    public List<(StoredMapAnnotation Annotation, LinkRow Link)> ListMapAnnotations(
        FakeOmeroUser user, IReadOnlyCollection<long> imageIds, string? ns)
    {
        lock (_gate)
        {
            var rows = new List<(StoredMapAnnotation, LinkRow)>();
            foreach (var imageId in imageIds.Distinct())
            {
                if (!_images.TryGetValue(imageId, out var image) || !OmeroPermissions.CanRead(user, image)
                    || !_linksByImage.TryGetValue(imageId, out var links))
                {
                    continue;
                }

                foreach (var link in links)
                {
                    var annotation = _annotations[link.AnnotationId];
                    if (ns is null || annotation.Namespace == ns)
                    {
                        rows.Add((annotation.Snapshot(), link));
                    }
                }
            }

            return [.. rows.OrderBy(row => row.Item1.Namespace, StringComparer.Ordinal).ThenBy(row => row.Item1.Id).ThenBy(row => row.Item2.Id)];
        }
    }

    /// <summary>
    /// Creates map annotations as <c>annotate_map</c> does: one per image (<paramref name="onePerImage"/>)
    /// or one shared by all, each saved first and then linked; a link the user may not make throws after
    /// the annotation was saved, as OMERO does.
    /// </summary>
    public List<long> CreateMapAnnotations(
        FakeOmeroUser user, IReadOnlyList<FakeOmeroImage> images, string ns, KeyValuePair<string, string>[] values, bool onePerImage)
    {
        lock (_gate)
        {
            var groupId = images.Count > 0 ? images[0].Group.Id : user.Groups[0].Id;
            var created = new List<long>();
            MapAnnotationRow? shared = null;
            if (!onePerImage)
            {
                shared = SaveAnnotation(user, groupId, ns, values);
                created.Add(shared.Id);
            }

            foreach (var image in images)
            {
                var annotation = shared;
                if (annotation is null)
                {
                    annotation = SaveAnnotation(user, groupId, ns, values);
                    created.Add(annotation.Id);
                }

                if (!OmeroPermissions.CanAnnotate(user, image))
                {
                    throw new OmeroSecurityViolation($"Cannot link annotation to Image:{image.Id}");
                }

                var link = new LinkRow(_nextLinkId++, image.Id, annotation.Id, user, clock.GetUtcNow());
                annotation.ImageIds.Add(image.Id);
                if (!_linksByImage.TryGetValue(image.Id, out var links))
                {
                    _linksByImage[image.Id] = links = [];
                }

                links.Add(link);
            }

            return created;
        }
    }

    /// <summary>Replaces the pairs of an annotation; false when it is missing or unreadable.</summary>
    public bool UpdateMapAnnotation(FakeOmeroUser user, long annotationId, KeyValuePair<string, string>[] values)
    {
        lock (_gate)
        {
            var annotation = FindReadableAnnotation(user, annotationId);
            if (annotation is null)
            {
                return false;
            }

            RequireEdit(user, annotation);
            annotation.Values = values;
            _counts = _counts with { Updated = _counts.Updated + 1 };
            return true;
        }
    }

    /// <summary>Deletes an annotation and its links; false when it is missing or unreadable.</summary>
    public bool DeleteMapAnnotation(FakeOmeroUser user, long annotationId)
    {
        lock (_gate)
        {
            var annotation = FindReadableAnnotation(user, annotationId);
            if (annotation is null)
            {
                return false;
            }

            RequireEdit(user, annotation);
            _annotations.Remove(annotationId);
            foreach (var imageId in annotation.ImageIds)
            {
                _linksByImage[imageId].RemoveAll(link => link.AnnotationId == annotationId);
            }

            _counts = _counts with { Deleted = _counts.Deleted + 1 };
            return true;
        }
    }

    /// <summary>Deletes every map annotation and link, as if none had ever been made (counters stay).</summary>
    public void ClearMapAnnotations()
    {
        lock (_gate)
        {
            _annotations.Clear();
            _linksByImage.Clear();
        }
    }

    public IReadOnlyList<StoredMapAnnotation> MapAnnotations(long? imageId)
    {
        lock (_gate)
        {
            return [.. _annotations.Values
                .Where(annotation => imageId is null || annotation.ImageIds.Contains(imageId.Value))
                .OrderBy(annotation => annotation.Id)
                .Select(annotation => annotation.Snapshot())];
        }
    }

    public AnnotationCounts Counts
    {
        get
        {
            lock (_gate)
            {
                return _counts;
            }
        }
    }

    public IReadOnlyList<FakeOmeroImage> Images
    {
        get
        {
            lock (_gate)
            {
                return [.. _images.Values.OrderBy(image => image.Id)];
            }
        }
    }

    private MapAnnotationRow SaveAnnotation(FakeOmeroUser user, long groupId, string ns, KeyValuePair<string, string>[] values)
    {
        var annotation = new MapAnnotationRow(_nextAnnotationId++, ns, user, groupId, clock.GetUtcNow()) { Values = values };
        _annotations.Add(annotation.Id, annotation);
        _counts = _counts with { Created = _counts.Created + 1 };
        return annotation;
    }

    private MapAnnotationRow? FindReadableAnnotation(FakeOmeroUser user, long annotationId)
    {
        if (!_annotations.TryGetValue(annotationId, out var annotation))
        {
            return null;
        }

        var group = _groups[annotation.GroupId];
        return OmeroPermissions.CanReadGroup(user, group, annotation.Owner) ? annotation : null;
    }

    private void RequireEdit(FakeOmeroUser user, MapAnnotationRow annotation)
    {
        if (!OmeroPermissions.CanEdit(user, _groups[annotation.GroupId], annotation.Owner))
        {
            throw new OmeroSecurityViolation($"Cannot edit MapAnnotation:{annotation.Id}");
        }
    }

    private void ImagesChanged()
    {
        _imagesVersion++;
        _sortedImages = null;
        _listings.Clear();
    }

    /// <summary>A stored map annotation; mutable, guarded by the database lock.</summary>
    internal sealed class MapAnnotationRow(long id, string ns, FakeOmeroUser owner, long groupId, DateTimeOffset createdAt)
    {
        public long Id => id;

        public string Namespace => ns;

        public FakeOmeroUser Owner => owner;

        public long GroupId => groupId;

        public required KeyValuePair<string, string>[] Values { get; set; }

        public List<long> ImageIds { get; } = [];

        public StoredMapAnnotation Snapshot() => new(id, ns, Values, owner, groupId, createdAt, [.. ImageIds]);
    }

    /// <summary>An image-annotation link. Immutable.</summary>
    internal sealed record LinkRow(long Id, long ImageId, long AnnotationId, FakeOmeroUser Owner, DateTimeOffset CreatedAt);
}

/// <summary>What OMERO raises when a write is not allowed; annotate_map turns it into a 500 (spec omero.md §2.8).</summary>
internal sealed class OmeroSecurityViolation(string message) : Exception(message);
