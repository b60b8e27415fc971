package bench;

/** rooms × subscribers per room, e.g. "10x100". */
record Shape(int rooms, int perRoom) {

    static Shape parse(String s) {
        String[] p = s.toLowerCase().split("x");
        return new Shape(Integer.parseInt(p[0].trim()), Integer.parseInt(p[1].trim()));
    }

    @Override
    public String toString() {
        return rooms + "x" + perRoom;
    }
}
