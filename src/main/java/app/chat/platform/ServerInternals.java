package app.chat.platform;

import java.lang.reflect.AccessibleObject;
import java.lang.reflect.Field;
import java.lang.reflect.Method;

/**
 * Reads a server's own objects that no API of the platform exposes (the pool behind the chat's
 * datasource): fields and methods by name, wherever in the class hierarchy they are declared.
 * Server classes are in unnamed modules, so their non-public members can be read.
 */
final class ServerInternals {

    private ServerInternals() {
    }

    static Object field(Object target, String name) throws ReflectiveOperationException {
        for (Class<?> c = target.getClass(); c != null; c = c.getSuperclass()) {
            try {
                return accessible(c.getDeclaredField(name)).get(target);
            } catch (NoSuchFieldException e) {
                // declared further up
            }
        }
        throw new NoSuchFieldException(target.getClass().getName() + "." + name);
    }

    static Object call(Object target, String name, Object... arguments) throws ReflectiveOperationException {
        return method(target.getClass(), name, arguments.length).invoke(target, arguments);
    }

    /** The method of that name and number of parameters: the servers' internals do not overload these. */
    static Method method(Class<?> type, String name, int parameters) throws NoSuchMethodException {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            for (Method m : c.getDeclaredMethods()) {
                if (m.getName().equals(name) && m.getParameterCount() == parameters) {
                    return accessible(m);
                }
            }
        }
        throw new NoSuchMethodException(type.getName() + "." + name);
    }

    private static <T extends AccessibleObject> T accessible(T member) {
        member.setAccessible(true);
        return member;
    }
}
